// A voice device that needs no network, injected in place of the simulated and Twilio devices:
// it records what the softphone asks of it, and the test plays the device's side (events).
import { CallEvents } from '@/features/calls/device/call-events';
import type {
  ConnectOptions,
  VoiceCall,
  VoiceDevice,
  VoiceDeviceFactory,
} from '@/features/calls/device/types';
import type { VoiceMode } from '@/types/api';

export class FakeVoiceCall implements VoiceCall {
  readonly params: Record<string, string>;
  readonly events = new CallEvents();
  disconnects = 0;
  digits: string[] = [];
  private muted = false;

  constructor(params: Record<string, string>) {
    this.params = params;
  }

  disconnect(): void {
    this.disconnects += 1;
  }

  mute(muted: boolean): void {
    this.muted = muted;
  }

  isMuted(): boolean {
    return this.muted;
  }

  sendDigits(digits: string): void {
    this.digits.push(digits);
  }

  on: VoiceCall['on'] = (event, listener) => {
    this.events.on(event, listener);
  };
}

export class FakeVoiceDevice implements VoiceDevice {
  readonly mode: VoiceMode;
  /** Every token it was given, the first at creation. */
  readonly tokens: string[];
  readonly calls: FakeVoiceCall[] = [];
  destroyed = false;
  /** The next connect fails with this. */
  failConnect: Error | null = null;

  constructor(token: string, mode: VoiceMode) {
    this.tokens = [token];
    this.mode = mode;
  }

  connect({ params }: ConnectOptions): Promise<VoiceCall> {
    if (this.failConnect) {
      const failure = this.failConnect;
      this.failConnect = null;
      return Promise.reject(failure);
    }
    const call = new FakeVoiceCall(params);
    this.calls.push(call);
    return Promise.resolve(call);
  }

  updateToken(token: string): void {
    if (this.tokens[this.tokens.length - 1] !== token) this.tokens.push(token);
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export type FakeVoice = ReturnType<typeof createFakeVoice>;

export function createFakeVoice() {
  const devices: FakeVoiceDevice[] = [];
  let unavailable: Error | null = null;
  const factory: VoiceDeviceFactory = (token, mode) => {
    if (unavailable) throw unavailable;
    const device = new FakeVoiceDevice(token, mode);
    devices.push(device);
    return device;
  };
  return {
    factory,
    devices,
    /** Every call placed, on any device, in order. */
    get calls(): FakeVoiceCall[] {
      return devices.flatMap((device) => device.calls);
    },
    get lastCall(): FakeVoiceCall {
      const call = this.calls[this.calls.length - 1];
      if (!call) throw new Error('no call has been placed');
      return call;
    },
    /** Making a device throws `error` (the voice service cannot be loaded); null restores it. */
    makeUnavailable(error: Error | null) {
      unavailable = error;
    },
  };
}
