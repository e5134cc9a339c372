import { useId, useRef, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';

import { useApiKeys } from '../api/get-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import type { ApiKey, CreatedApiKey } from '../api/schemas';
import { keyName } from '../labels';
import { ApiKeyTable } from './api-key-table';
import { CreateApiKeyForm } from './create-api-key-form';
import type { MachineAgent } from './machine-agent';
import { NewKeySecret } from './new-key-secret';

/**
 * A machine agent's API keys, for a dialog: the list, a key just made (shown this once), revoking
 * one (asked first: the agent's next request with it is refused) and making another.
 */
export function ApiKeysPanel({ agent }: { agent: MachineAgent }) {
  const id = useId();
  const keys = useApiKeys(agent.id);
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const goBack = useRef<HTMLButtonElement>(null);
  const revokeButtonId = (keyId: string) => `${id}-revoke-${keyId}`;

  function askToRevoke(key: ApiKey) {
    setNotice('');
    setRevokeError(null);
    setRevoking(key);
    requestAnimationFrame(() => goBack.current?.focus());
  }

  function keepKey() {
    const key = revoking;
    setRevoking(null);
    setRevokeError(null);
    if (key) requestAnimationFrame(() => document.getElementById(revokeButtonId(key.id))?.focus());
  }

  function confirmRevoke() {
    if (!revoking || revoke.isPending) return;
    const key = revoking;
    const done = (message: string) => {
      setRevoking(null);
      setNotice(message);
      // Its Revoke button is gone: the focus goes to the list it was in.
      requestAnimationFrame(() => heading.current?.focus());
    };
    revoke.mutate(
      { agentId: agent.id, keyId: key.id },
      {
        onSuccess: () =>
          done(
            `Key ${keyName(key.prefix)} revoked: ${agent.displayName}'s requests with it are ` +
              'refused from now on.',
          ),
        onError: (error) => {
          if (isApiError(error) && error.status === 404) {
            done(`Key ${keyName(key.prefix)} had already been revoked.`);
          } else {
            setRevokeError(`The key was not revoked: ${error.message || 'try again.'}`);
          }
        },
      },
    );
  }

  let list;
  if (keys.isPending) list = <Spinner label="Loading API keys" />;
  else if (keys.isError) {
    const messageId = `${id}-error`;
    list = (
      <div className="space-y-1">
        <p id={messageId} className="text-sm text-red-700">
          The API keys could not be loaded: {keys.error.message}
        </p>
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            aria-describedby={messageId}
            onClick={() => void keys.refetch()}
          >
            Try again
          </Button>
          {keys.isFetching ? <Spinner label="Loading" /> : null}
        </div>
      </div>
    );
  } else if (keys.data.keys.length === 0) {
    list = <p className="text-sm text-slate-600">This machine agent has no API keys.</p>;
  } else {
    list = (
      <ApiKeyTable
        keys={keys.data.keys}
        revokeButtonId={revokeButtonId}
        onRevoke={askToRevoke}
      />
    );
  }

  const questionId = `${id}-question`;
  return (
    <div className="space-y-3">
      {agent.active ? null : (
        <Alert tone="info">
          {agent.displayName} is deactivated: every key of theirs is refused until the account is
          reactivated.
        </Alert>
      )}
      {created ? <NewKeySecret secret={created.secret} agentName={agent.displayName} /> : null}
      <section aria-labelledby={`${id}-heading`} className="space-y-2">
        <h3
          ref={heading}
          id={`${id}-heading`}
          tabIndex={-1}
          className="text-base font-semibold text-slate-900 focus:outline-none"
        >
          Keys
        </h3>
        {list}
        {revoking ? (
          <div
            role="group"
            aria-labelledby={questionId}
            className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200 ring-inset"
          >
            <p id={questionId} className="text-sm font-medium text-red-900">
              Revoke key {keyName(revoking.prefix)}? {agent.displayName} can no longer use it,
              from its next request; this cannot be undone.
            </p>
            {revokeError ? <Alert>{revokeError}</Alert> : null}
            <div className="flex flex-wrap justify-end gap-2">
              <Button ref={goBack} variant="secondary" onClick={keepKey}>
                Go back
              </Button>
              <Button onClick={confirmRevoke}>Revoke key</Button>
            </div>
          </div>
        ) : null}
        {/* Always there, so that a screen reader is listening before the message arrives. */}
        <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
          {notice}
        </p>
      </section>
      <CreateApiKeyForm
        agent={agent}
        onCreated={(made) => {
          setNotice('');
          setRevoking(null);
          setCreated(made);
        }}
      />
    </div>
  );
}
