import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { telephonyTokenQueryOptions } from '@/features/calls/api/get-telephony-token';
import type { AgentStatusRequest, VoiceMode } from '@/types/api';

import { useSetMyStatus } from '../api/set-my-status';
import type { MicrophoneCheck } from '../microphone/check-microphone';
import { useMicrophoneCheck } from '../microphone/check-context';

/**
 * The voice mode of the signed-in agent's token (the softphone's own query, so the token it
 * fetches here is the one the first call reuses); null when the token cannot be had just now.
 */
async function voiceMode(queryClient: QueryClient): Promise<VoiceMode | null> {
  try {
    return (await queryClient.fetchQuery(telephonyTokenQueryOptions())).mode;
  } catch {
    // The softphone says so itself when a call is tried; the status is no place to block on it.
    return null;
  }
}

/**
 * Before going Available: with the real voice service, checks this browser's microphone (the
 * simulation uses none). Resolves with why it cannot be used, in words, or null when it can.
 */
export async function microphoneProblem(
  queryClient: QueryClient,
  checkMicrophone: MicrophoneCheck,
): Promise<string | null> {
  try {
    if ((await voiceMode(queryClient)) === 'twilio') await checkMicrophone();
    return null;
  } catch (error) {
    const reason =
      error instanceof Error && error.message !== '' ? error.message : 'it could not be opened';
    return `Your microphone is not available: ${reason}`;
  }
}

/**
 * Changes the signed-in agent's status as the status menu does (the microphone is checked before
 * Available). The returned function rejects with an Error whose message says why, in words.
 */
export function useChangeMyStatus(): (request: AgentStatusRequest) => Promise<void> {
  const queryClient = useQueryClient();
  const checkMicrophone = useMicrophoneCheck();
  const { mutateAsync } = useSetMyStatus();
  return useCallback(
    async (request: AgentStatusRequest) => {
      if (request.status === 'available') {
        const problem = await microphoneProblem(queryClient, checkMicrophone);
        if (problem) throw new Error(problem);
      }
      try {
        await mutateAsync(request);
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'the server refused it';
        throw new Error(`Your status was not changed: ${reason}`);
      }
    },
    [queryClient, checkMicrophone, mutateAsync],
  );
}
