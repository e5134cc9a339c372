import type { QueueName } from '@/types/api';

/** What the keys' screens need of the machine agent's account. */
export type MachineAgent = {
  id: string;
  displayName: string;
  /** Every queue it may work (the server spells out "every queue" as all of them). */
  queues: readonly QueueName[];
  active: boolean;
};
