// The real Twilio Voice JS SDK behind our VoiceDevice interface. The SDK is loaded (its own
// chunk) only when the server says the agent calls through Twilio; a failed load or a device the
// SDK refuses to create leaves the device in its "unavailable" state instead of breaking the page.
import { CallEvents } from './call-events';
import {
  noLongerRingingMessage,
  VoiceDeviceError,
  type ConnectOptions,
  type VoiceCall,
  type VoiceCallEvent,
  type VoiceDevice,
} from './types';

/** The few members of the SDK's `Call` used here; `accept` and `reject` for a call to us. */
type SdkCall = {
  disconnect(): void;
  mute(shouldMute?: boolean): void;
  isMuted(): boolean;
  sendDigits(digits: string): void;
  accept(): void;
  reject(): void;
  on(
    event: VoiceCallEvent | 'cancel' | 'reject',
    listener: (arg?: unknown) => void,
  ): unknown;
};

/** The few members of the SDK's `Device` used here. */
type SdkDevice = {
  connect(options: { params: Record<string, string> }): Promise<SdkCall>;
  register(): Promise<void>;
  on(event: 'incoming', listener: (call: SdkCall) => void): unknown;
  updateToken(token: string): void;
  destroy(): void;
};

type SdkDeviceClass = new (token: string, options?: Record<string, unknown>) => SdkDevice;

async function loadDeviceClass(): Promise<SdkDeviceClass> {
  let loaded: unknown;
  try {
    loaded = await import('@twilio/voice-sdk');
  } catch (cause) {
    throw new VoiceDeviceError(undefined, { cause });
  }
  const Device = (loaded as { Device?: unknown }).Device;
  if (typeof Device !== 'function') throw new VoiceDeviceError();
  return Device as SdkDeviceClass;
}

function wrapCall(call: SdkCall): VoiceCall {
  const events = new CallEvents();
  call.on('accept', () => events.emit('accept'));
  call.on('disconnect', () => events.emit('disconnect'));
  call.on('error', (error) =>
    events.emit('error', error instanceof Error ? error : new Error(String(error))),
  );
  return {
    disconnect: () => call.disconnect(),
    mute: (muted) => call.mute(muted),
    isMuted: () => call.isMuted(),
    sendDigits: (digits) => call.sendDigits(digits),
    on: (event, listener) => events.on(event, listener),
  };
}

export function createTwilioVoiceDevice(initialToken: string): VoiceDevice {
  let token = initialToken;
  let destroyed = false;
  let device: Promise<SdkDevice> | null = null;
  let registered: Promise<void> | null = null;
  // The customer's call ringing here, until it is answered, turned away or stops ringing.
  let ringing: SdkCall | null = null;

  function listenForCalls(sdk: SdkDevice): void {
    sdk.on('incoming', (call) => {
      ringing = call;
      const over = () => {
        if (ringing === call) ringing = null;
      };
      // The caller gave up (or the server put the call through elsewhere), or it ended.
      call.on('cancel', over);
      call.on('reject', over);
      call.on('disconnect', over);
      call.on('error', over);
    });
  }

  function sdkDevice(): Promise<SdkDevice> {
    // A failed load is not cached: the next call tries again (the network may be back).
    device ??= loadDeviceClass()
      .then((Device) => {
        let sdk: SdkDevice;
        try {
          sdk = new Device(token, { closeProtection: true });
        } catch (cause) {
          throw new VoiceDeviceError(undefined, { cause });
        }
        listenForCalls(sdk);
        return sdk;
      })
      .catch((error: unknown) => {
        device = null;
        throw error;
      });
    return device;
  }

  return {
    async connect({ params }: ConnectOptions) {
      if (destroyed) throw new VoiceDeviceError();
      const sdk = await sdkDevice();
      return wrapCall(await sdk.connect({ params }));
    },
    register() {
      if (destroyed) return Promise.reject(new VoiceDeviceError());
      // Once is enough: the SDK keeps the registration (and renews it) until the device goes. A
      // failed one is not kept, so the next request tries again.
      registered ??= sdkDevice()
        .then(async (sdk) => {
          try {
            await sdk.register();
          } catch (cause) {
            throw new VoiceDeviceError(undefined, { cause });
          }
        })
        .catch((error: unknown) => {
          registered = null;
          throw error;
        });
      return registered;
    },
    acceptIncoming() {
      const call = ringing;
      if (destroyed || call === null) {
        return Promise.reject(new VoiceDeviceError(noLongerRingingMessage));
      }
      ringing = null;
      // Wrapped before it is accepted, so that its 'accept' reaches the softphone.
      const wrapped = wrapCall(call);
      call.accept();
      return Promise.resolve(wrapped);
    },
    rejectIncoming() {
      const call = ringing;
      ringing = null;
      call?.reject();
      return Promise.resolve();
    },
    updateToken(next) {
      token = next;
      void device?.then((sdk) => sdk.updateToken(next)).catch(() => {});
    },
    destroy() {
      destroyed = true;
      ringing = null;
      void device?.then((sdk) => sdk.destroy()).catch(() => {});
      device = null;
      registered = null;
    },
  };
}
