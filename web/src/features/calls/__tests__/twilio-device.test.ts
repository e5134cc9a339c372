// The Twilio device adapter against a stand-in for the Voice SDK's Device and Call (the real SDK
// needs WebRTC and Twilio's servers): what it passes on, what it forwards, how it fails.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { createTwilioVoiceDevice } from '../device/twilio-device';
import { voiceUnavailableMessage } from '../device/types';

type Listener = (arg?: unknown) => void;

const sdk = vi.hoisted(() => {
  const state = {
    refuse: false,
    devices: [] as Array<{
      token: string;
      options: unknown;
      connected: unknown[];
      tokens: string[];
      destroyed: boolean;
    }>,
    calls: [] as Array<{ listeners: Map<string, Listener[]>; muted: boolean; digits: string[]; ended: boolean }>,
  };
  class Device {
    record: (typeof state.devices)[number];
    constructor(token: string, options?: unknown) {
      if (state.refuse) throw new Error('AccessTokenInvalid');
      this.record = { token, options, connected: [], tokens: [], destroyed: false };
      state.devices.push(this.record);
    }
    connect(options: unknown) {
      this.record.connected.push(options);
      const call = { listeners: new Map<string, Listener[]>(), muted: false, digits: [] as string[], ended: false };
      state.calls.push(call);
      return Promise.resolve({
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
      });
    }
    updateToken(token: string) {
      this.record.tokens.push(token);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { state, Device };
});

vi.mock('@twilio/voice-sdk', () => ({ Device: sdk.Device }));

describe('the Twilio voice device', () => {
  beforeEach(() => {
    sdk.state.refuse = false;
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
});
