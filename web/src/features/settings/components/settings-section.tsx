import { useId, useState } from 'react';

import { Spinner } from '@/components/ui/spinner';
import { useSession } from '@/features/auth/api/get-me';
import { ListError } from '@/features/messaging/components/list-error';
import { cn } from '@/utils/cn';

import { useSettings } from '../api/get-settings';
import type { SettingsMap } from '../api/schemas';
import { groupSettings, type SettingsGroup } from '../settings-groups';
import { OpeningHours } from './opening-hours';
import { SettingsForm } from './settings-form';

type GroupPanelProps = {
  group: SettingsGroup;
  values: SettingsMap;
  canEdit: boolean;
  initiallyOpen: boolean;
};

/**
 * One section behind a disclosure button (its heading), so the whole list fits a laptop screen.
 * A closed section keeps its form (hidden), so typed values survive closing it.
 */
function GroupPanel({ group, values, canEdit, initiallyOpen }: GroupPanelProps) {
  const id = useId();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <h3 className="text-base font-semibold text-slate-900">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen((current) => !current)}
          className={cn(
            'flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left hover:bg-slate-50',
            'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
          )}
        >
          <span aria-hidden="true" className="w-3 text-slate-500">
            {open ? '▾' : '▸'}
          </span>
          {group.title}
        </button>
      </h3>
      <div id={`${id}-panel`} hidden={!open} className="space-y-3 border-t border-slate-200 p-3">
        <SettingsForm group={group} values={values} canEdit={canEdit} />
        {group.id === 'window' ? <OpeningHours headingId={`${id}-opening`} /> : null}
      </div>
    </div>
  );
}

/**
 * The queue engine's settings (`GET /api/settings`), in sections by key prefix, each its own
 * form. Admins change them; supervisors read them. Every change is audited by the server.
 */
export function SettingsSection() {
  const id = useId();
  const { agent } = useSession();
  const canEdit = agent.role === 'admin';
  const settings = useSettings();

  let body;
  if (settings.isPending) body = <Spinner label="Loading settings" />;
  else if (settings.isError) {
    body = (
      <ListError
        message={`The settings could not be loaded: ${settings.error.message}`}
        retrying={settings.isFetching}
        onRetry={() => void settings.refetch()}
      />
    );
  } else {
    const groups = groupSettings(settings.data.settings);
    body =
      groups.length === 0 ? (
        <p className="text-sm text-slate-600">The server has no settings to show.</p>
      ) : (
        <div className="space-y-2">
          {groups.map((group, index) => (
            <GroupPanel
              key={group.id}
              group={group}
              values={settings.data.settings}
              canEdit={canEdit}
              initiallyOpen={index === 0}
            />
          ))}
        </div>
      );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div className="space-y-0.5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Queue settings
        </h2>
        <p className="text-sm text-slate-600">
          {canEdit
            ? 'Each section saves on its own and sends only what you changed; every change is ' +
              'recorded in the audit log. Agents get a change within 30 seconds.'
            : 'Only admins can change these settings; you can read them.'}
        </p>
      </div>
      {body}
    </section>
  );
}
