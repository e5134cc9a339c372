import { useMutation } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { heartbeatResponseSchema, type HeartbeatResponse } from '@/types/api';

import { leadPath } from './lead-path';

/** `POST /api/queue/leads/:userId/heartbeat`: extends the hold; 409 when it is already gone. */
export function heartbeat(userId: string): Promise<HeartbeatResponse> {
  return apiClient.post(leadPath(userId, 'heartbeat'), heartbeatResponseSchema);
}

export function useHeartbeat() {
  return useMutation({ mutationFn: heartbeat });
}
