// The Twilio device adapter against a stand-in for the Voice SDK's Device and Call (the real SDK
// needs WebRTC and Twilio's servers): what it passes on, what it forwards, how it fails.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { createTwilioVoiceDevice } from '../device/twilio-device';
import { noLongerRingingMessage, voiceUnavailableMessage } from '../device/types';

type Listener = (arg?: unknown) => void;

const sdk = vi.hoisted(() => {
  type CallRecord = {
    listeners: Map<string, Listener[]>;
    muted: boolean;
    digits: string[];
    ended: boolean;
    accepted: boolean;
    rejected: boolean;
  };
  const state = {
    refuse: false,
    refuseRegister: false,
    devices: [] as Array<{
      token: string;
      options: unknown;
      connected: unknown[];
      tokens: string[];
      destroyed: boolean;
      registrations: number;
      listeners: Map<string, Listener[]>;
    }>,
    calls: [] as CallRecord[],
  };
  const emit = (listeners: Map<string, Listener[]>, event: string, arg?: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(arg));
  function makeCall() {
    const call: CallRecord = {
      listeners: new Map<string, Listener[]>(),
      muted: false,
      digits: [],
      ended: false,
      accepted: false,
      rejected: false,
    };
    state.calls.push(call);
    return {
      record: call,
      sdkCall: {
        on: (event: string, listener: Listener) =>
          call.listeners.set(event, [...(call.listeners.get(event) ?? []), listener]),
        disconnect: () => {
          call.ended = true;
        },
        mute: (muted?: boolean) => {
          call.muted = muted ?? true;
        },
        isMuted: () => call.muted,
        sendDigits: (digits: string) => call.digits.push(digits),
        accept: () => {
          call.accepted = true;
        },
        reject: () => {
          call.rejected = true;
          emit(call.listeners, 'reject');
        },
      },
    };
  }
  class Device {
    record: (typeof state.devices)[number];
    constructor(token: string, options?: unknown) {
      if (state.refuse) throw new Error('AccessTokenInvalid');
      this.record = {
        token,
        options,
        connected: [],
        tokens: [],
        destroyed: false,
        registrations: 0,
        listeners: new Map(),
      };
      state.devices.push(this.record);
    }
    connect(options: unknown) {
      this.record.connected.push(options);
      return Promise.resolve(makeCall().sdkCall);
    }
    register() {
      this.record.registrations += 1;
      return state.refuseRegister
        ? Promise.reject(new Error('AccessTokenInvalid'))
        : Promise.resolve();
    }
    on(event: string, listener: Listener) {
      this.record.listeners.set(event, [...(this.record.listeners.get(event) ?? []), listener]);
    }
    updateToken(token: string) {
      this.record.tokens.push(token);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  /** Twilio puts a customer's call through to the first device: it rings there. */
  function ring() {
    const call = makeCall();
    const device = state.devices[0];
    if (!device) throw new Error('no device was made');
    emit(device.listeners, 'incoming', call.sdkCall);
    return call.record;
  }
  return { state, Device, ring, emit };
});

vi.mock('@twilio/voice-sdk', () => ({ Device: sdk.Device }));

describe('the Twilio voice device', () => {
  beforeEach(() => {
    sdk.state.refuse = false;
    sdk.state.refuseRegister = false;
    sdk.state.devices.length = 0;
    sdk.state.calls.length = 0;
  });

  it('connects with the session id only and forwards the call events and controls', async () => {
    const device = createTwilioVoiceDevice('token-1');
    const call = await device.connect({ params: { sessionId: '12' } });
    expect(sdk.state.devices).toHaveLength(1);
    expect(sdk.state.devices[0]?.token).toBe('token-1');
    expect(sdk.state.devices[0]?.connected).toEqual([{ params: { sessionId: '12' } }]);

    const accepted = vi.fn();
    const ended = vi.fn();
    call.on('accept', accepted);
    call.on('disconnect', ended);
    const raw = sdk.state.calls[0]!;
    raw.listeners.get('accept')?.forEach((l) => l());
    raw.listeners.get('disconnect')?.forEach((l) => l());
    expect(accepted).toHaveBeenCalledOnce();
    expect(ended).toHaveBeenCalledOnce();

    call.mute(true);
    expect(call.isMuted()).toBe(true);
    call.sendDigits('1#');
    expect(raw.digits).toEqual(['1#']);
    call.disconnect();
    expect(raw.ended).toBe(true);

    device.updateToken('token-2');
    await vi.waitFor(() => expect(sdk.state.devices[0]?.tokens).toEqual(['token-2']));
    device.destroy();
    await vi.waitFor(() => expect(sdk.state.devices[0]?.destroyed).toBe(true));
    await expect(device.connect({ params: { sessionId: '13' } })).rejects.toThrow(
      voiceUnavailableMessage,
    );
  });

  it('is unavailable, not broken, when the SDK refuses to create the device, and tries again', async () => {
    sdk.state.refuse = true;
    const device = createTwilioVoiceDevice('bad-token');
    await expect(device.connect({ params: { sessionId: '1' } })).rejects.toThrow(
      voiceUnavailableMessage,
    );
    sdk.state.refuse = false;
    await expect(device.connect({ params: { sessionId: '1' } })).resolves.toBeDefined();
    expect(sdk.state.devices).toHaveLength(1);
  });

  it('registers once, so that calls to the agent ring here, and tries again after a failure', async () => {
    const device = createTwilioVoiceDevice('token-1');
    sdk.state.refuseRegister = true;
    await expect(device.register()).rejects.toThrow(voiceUnavailableMessage);
    sdk.state.refuseRegister = false;

    await device.register();
    await device.register();

    expect(sdk.state.devices).toHaveLength(1);
    expect(sdk.state.devices[0]?.registrations).toBe(2);
  });

  it('answers the call ringing here and forwards its events and controls as for a placed call', async () => {
    const device = createTwilioVoiceDevice('token-1');
    await device.register();
    const raw = sdk.ring();

    const call = await device.acceptIncoming();
    expect(raw.accepted).toBe(true);
    const accepted = vi.fn();
    const ended = vi.fn();
    call.on('accept', accepted);
    call.on('disconnect', ended);
    raw.listeners.get('accept')?.forEach((l) => l());
    raw.listeners.get('disconnect')?.forEach((l) => l());
    expect(accepted).toHaveBeenCalledOnce();
    expect(ended).toHaveBeenCalledOnce();
    call.mute(true);
    expect(raw.muted).toBe(true);
    call.disconnect();
    expect(raw.ended).toBe(true);

    // Answered once: nothing rings any more.
    await expect(device.acceptIncoming()).rejects.toThrow(noLongerRingingMessage);
  });

  it('turns the ringing call away, and cannot answer one that stopped ringing', async () => {
    const device = createTwilioVoiceDevice('token-1');
    await device.register();
    const declined = sdk.ring();
    await device.rejectIncoming();
    expect(declined.rejected).toBe(true);
    await expect(device.acceptIncoming()).rejects.toThrow(noLongerRingingMessage);

    const givenUp = sdk.ring();
    sdk.emit(givenUp.listeners, 'cancel');
    await expect(device.acceptIncoming()).rejects.toThrow(noLongerRingingMessage);
    expect(givenUp.accepted).toBe(false);
    // Nothing ringing: turning it away is done already.
    await expect(device.rejectIncoming()).resolves.toBeUndefined();
  });
});
