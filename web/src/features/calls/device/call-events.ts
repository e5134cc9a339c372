import type { VoiceCallEvent, VoiceCallListener } from './types';

/** The event registry both device implementations share: listeners per event, called in order. */
export class CallEvents {
  private readonly listeners = new Map<VoiceCallEvent, Array<(arg?: Error) => void>>();

  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallListener<E>): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (arg?: Error) => void);
    this.listeners.set(event, list);
  }

  emit(event: 'accept' | 'disconnect'): void;
  emit(event: 'error', error: Error): void;
  emit(event: VoiceCallEvent, error?: Error): void {
    for (const listener of this.listeners.get(event) ?? []) listener(error);
  }
}
