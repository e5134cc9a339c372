// The real Twilio Voice JS SDK behind our VoiceDevice interface. The package is loaded only when
// the server says the agent calls through Twilio, and only if it is installed: the module name is
// a variable so neither TypeScript nor Vite resolves it at build time, and a failed load leaves
// the device in its "unavailable" state instead of breaking the page.
import { CallEvents } from './call-events';
import {
  VoiceDeviceError,
  type ConnectOptions,
  type VoiceCall,
  type VoiceCallEvent,
  type VoiceDevice,
} from './types';

/** The few members of `@twilio/voice-sdk` used here, typed by hand (the package is optional). */
type SdkCall = {
  disconnect(): void;
  mute(shouldMute?: boolean): void;
  isMuted(): boolean;
  sendDigits(digits: string): void;
  on(event: VoiceCallEvent, listener: (arg?: unknown) => void): unknown;
};

type SdkDevice = {
  connect(options: { params: Record<string, string> }): Promise<SdkCall>;
  updateToken(token: string): void;
  destroy(): void;
};

type SdkModule = {
  Device: new (token: string, options?: Record<string, unknown>) => SdkDevice;
};

const sdkModuleName = '@twilio/voice-sdk';

function isSdkModule(value: unknown): value is SdkModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { Device?: unknown }).Device === 'function'
  );
}

async function loadSdk(): Promise<SdkModule> {
  const name = sdkModuleName;
  let loaded: unknown;
  try {
    loaded = await import(/* @vite-ignore */ name);
  } catch (cause) {
    throw new VoiceDeviceError(undefined, { cause });
  }
  if (!isSdkModule(loaded)) throw new VoiceDeviceError();
  return loaded;
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

  function sdkDevice(): Promise<SdkDevice> {
    // A failed load is not cached: the next call tries again (the network may be back).
    device ??= loadSdk().then(
      ({ Device }) => new Device(token, { closeProtection: true }),
      (error: unknown) => {
        device = null;
        throw error;
      },
    );
    return device;
  }

  return {
    async connect({ params }: ConnectOptions) {
      if (destroyed) throw new VoiceDeviceError();
      const sdk = await sdkDevice();
      return wrapCall(await sdk.connect({ params }));
    },
    updateToken(next) {
      token = next;
      void device?.then((sdk) => sdk.updateToken(next)).catch(() => {});
    },
    destroy() {
      destroyed = true;
      void device?.then((sdk) => sdk.destroy()).catch(() => {});
      device = null;
    },
  };
}
