import type { RecordingFilters } from './schemas';

export const recordingKeys = {
  all: ['recordings'] as const,
  lists: () => [...recordingKeys.all, 'list'] as const,
  list: (filters: RecordingFilters) => [...recordingKeys.lists(), filters] as const,
};
