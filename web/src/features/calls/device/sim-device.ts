// The simulated voice device: the dialler's Twilio stand-in (`/sim/device/...`) plays the provider.
// It reports nothing back itself: the call's progress reaches the browser as the server's call
// session, the same way it does for a real call (see hooks/use-call.ts).
import { z } from 'zod';

import { CallEvents } from './call-events';
import {
  noLongerRingingMessage,
  VoiceDeviceError,
  type ConnectOptions,
  type VoiceCall,
  type VoiceDevice,
} from './types';

const placedSchema = z.object({ callSid: z.string().min(1) });

type TokenSource = () => string;

/**
 * These requests go around api-client on purpose: the stand-in authenticates the device by its
 * access token, as Twilio does, so they carry the token and neither the session cookie nor CSRF.
 */
async function send(path: string, token: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ Authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  try {
    return await fetch(path, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch (cause) {
    throw new VoiceDeviceError(undefined, { cause });
  }
}

function refused(failure: string, response: Response): VoiceDeviceError {
  return new VoiceDeviceError(`${failure} (the voice service answered ${response.status})`);
}

async function post(
  path: string,
  token: string,
  failure: string,
  body?: unknown,
): Promise<Response> {
  const response = await send(path, token, body);
  if (!response.ok) throw refused(failure, response);
  return response;
}

/** The call the stand-in put through to this device, by its SID; or the error. */
async function callSidOf(response: Response): Promise<string> {
  const placed = placedSchema.safeParse(await response.json().catch(() => null));
  if (!placed.success) throw new VoiceDeviceError();
  return placed.data.callSid;
}

class SimVoiceCall implements VoiceCall {
  private readonly events = new CallEvents();
  private readonly callSid: string;
  private readonly token: TokenSource;
  private muted = false;

  constructor(callSid: string, token: TokenSource) {
    this.callSid = callSid;
    this.token = token;
  }

  private send(action: 'hangup' | 'digits', failure: string, body?: unknown): void {
    const path = `/sim/device/calls/${encodeURIComponent(this.callSid)}/${action}`;
    post(path, this.token(), failure, body).catch((error: unknown) => {
      this.events.emit('error', error instanceof Error ? error : new VoiceDeviceError());
    });
  }

  disconnect(): void {
    this.send('hangup', 'The call could not be hung up');
  }

  // Nothing to silence in a simulation: the flag only keeps the Mute button honest.
  mute(muted: boolean): void {
    this.muted = muted;
  }

  isMuted(): boolean {
    return this.muted;
  }

  sendDigits(digits: string): void {
    this.send('digits', 'The digits could not be sent', { digits });
  }

  on: VoiceCall['on'] = (event, listener) => {
    this.events.on(event, listener);
  };
}

export function createSimVoiceDevice(initialToken: string): VoiceDevice {
  let token = initialToken;
  let destroyed = false;
  return {
    async connect({ params }: ConnectOptions) {
      if (destroyed) throw new VoiceDeviceError();
      const response = await post('/sim/device/calls', token, 'The call could not be placed', {
        params,
      });
      return new SimVoiceCall(await callSidOf(response), () => token);
    },
    // The stand-in rings the agent's identity (the token's), wherever its device is: nothing to
    // sign up for.
    register() {
      return destroyed ? Promise.reject(new VoiceDeviceError()) : Promise.resolve();
    },
    async acceptIncoming() {
      if (destroyed) throw new VoiceDeviceError();
      const response = await send('/sim/device/incoming/accept', token);
      // 404: nothing rings for this device (the caller gave up, or the call went elsewhere).
      if (response.status === 404) throw new VoiceDeviceError(noLongerRingingMessage);
      if (!response.ok) throw refused('The call could not be answered', response);
      return new SimVoiceCall(await callSidOf(response), () => token);
    },
    async rejectIncoming() {
      if (destroyed) return;
      const response = await send('/sim/device/incoming/reject', token);
      // Nothing ringing any more is what turning the call away was for.
      if (!response.ok && response.status !== 404) {
        throw refused('The call could not be declined', response);
      }
    },
    updateToken(next) {
      token = next;
    },
    destroy() {
      destroyed = true;
    },
  };
}
