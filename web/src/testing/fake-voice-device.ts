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
  /** What the softphone connected with; empty for a customer's call it answered. */
  readonly params: Record<string, string>;
  /** A customer's call to us, answered (not one the softphone placed). */
  readonly incoming: boolean;
  readonly events = new CallEvents();
  disconnects = 0;
  digits: string[] = [];
  private muted = false;

  constructor(params: Record<string, string>, { incoming = false } = {}) {
    this.params = params;
    this.incoming = incoming;
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
  /** How often it was asked to be reachable for calls to the agent. */
  registrations = 0;
  /** The next register fails with this. */
  failRegister: Error | null = null;
  /** The next answer of a customer's call fails with this (nothing rings any more, say). */
  failAccept: Error | null = null;
  /** How often a customer's call ringing here was turned away. */
  rejections = 0;

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

  register(): Promise<void> {
    this.registrations += 1;
    const failure = this.failRegister;
    this.failRegister = null;
    return failure ? Promise.reject(failure) : Promise.resolve();
  }

  acceptIncoming(): Promise<VoiceCall> {
    if (this.failAccept) {
      const failure = this.failAccept;
      this.failAccept = null;
      return Promise.reject(failure);
    }
    const call = new FakeVoiceCall({}, { incoming: true });
    this.calls.push(call);
    return Promise.resolve(call);
  }

  rejectIncoming(): Promise<void> {
    this.rejections += 1;
    return Promise.resolve();
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
    /** Every call placed or answered, on any device, in order. */
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
