import { useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { floorKeys } from './floor-keys';
import { floorBoardResponseSchema, type FloorBoard } from './schemas';

/** `GET /api/floor` (supervisors, admins; 403 for agents): the floor as it is now. */
export async function getFloorBoard(signal?: AbortSignal): Promise<FloorBoard> {
  const response = await apiClient.get('/api/floor', floorBoardResponseSchema, { signal });
  return response.board;
}

/**
 * The floor board. Kept fresh by the live socket (useLiveFloorBoard), never by polling; read
 * afresh whenever the page opens, since changes made while it was closed were not heard.
 */
export function useFloorBoard() {
  return useQuery({
    queryKey: floorKeys.board(),
    queryFn: ({ signal }) => getFloorBoard(signal),
    staleTime: 0,
  });
}
