// The part of the Twilio Voice JS SDK's Device and Call the softphone uses, as our own interface,
// so that the simulated device (development, tests) and the real SDK are interchangeable and the
// SDK stays out of the bundle until a real call needs it.
import type { VoiceMode } from '@/types/api';

export type VoiceCallEvent = 'accept' | 'disconnect' | 'error';

export type VoiceCallListener<E extends VoiceCallEvent> = E extends 'error'
  ? (error: Error) => void
  : () => void;

/** One call from the agent's browser (the SDK's `Call`). */
export interface VoiceCall {
  /** Hangs up. */
  disconnect(): void;
  mute(muted: boolean): void;
  isMuted(): boolean;
  /** DTMF into the call, e.g. for the customer's phone menu: "0"-"9", "*", "#". */
  sendDigits(digits: string): void;
  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallListener<E>): void;
}

export type ConnectOptions = { params: Record<string, string> };

/** The agent's voice endpoint (the SDK's `Device`). */
export interface VoiceDevice {
  /** Places a call; the server's voice webhook receives `params` and decides whom it reaches. */
  connect(options: ConnectOptions): Promise<VoiceCall>;
  /**
   * Makes the device reachable, so that a customer's call put through to this agent rings here
   * (the SDK's `register()`). Resolves once it is; asking again while it is costs nothing.
   */
  register(): Promise<void>;
  /** Answers the call ringing here; rejects with a VoiceDeviceError when none is. */
  acceptIncoming(): Promise<VoiceCall>;
  /** Turns the call ringing here away; resolves too when nothing rings any more. */
  rejectIncoming(): Promise<void>;
  /** A fresh access token for the calls that follow (and the one in progress). */
  updateToken(token: string): void;
  destroy(): void;
}

export type VoiceDeviceFactory = (token: string, mode: VoiceMode) => VoiceDevice;

/** What the agent is told when the voice service cannot be used at all. */
export const voiceUnavailableMessage = 'The voice service is unavailable';

/** What the agent is told when they answer a call that has stopped ringing meanwhile. */
export const noLongerRingingMessage = 'The call is no longer ringing';

/** A failure of the device itself (the service cannot be loaded or reached), not of one call. */
export class VoiceDeviceError extends Error {
  constructor(message: string = voiceUnavailableMessage, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VoiceDeviceError';
  }
}
