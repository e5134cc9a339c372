import type { VoiceMode } from '@/types/api';

import { createSimVoiceDevice } from './sim-device';
import { createTwilioVoiceDevice } from './twilio-device';
import type { VoiceDevice } from './types';

/** The device for the mode the server's token names: the simulation, or the real provider. */
export function createVoiceDevice(token: string, mode: VoiceMode): VoiceDevice {
  return mode === 'sim' ? createSimVoiceDevice(token) : createTwilioVoiceDevice(token);
}
