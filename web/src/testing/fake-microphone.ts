// A microphone check that needs no device, injected in place of the browser's getUserMedia: it
// counts the checks and fails when the test says so.
import type { MicrophoneCheck } from '@/features/agent-status/microphone/check-microphone';

export type FakeMicrophone = ReturnType<typeof createFakeMicrophone>;

export function createFakeMicrophone() {
  let failure: Error | null = null;
  const state = { checks: 0 };
  const check: MicrophoneCheck = () => {
    state.checks += 1;
    return failure ? Promise.reject(failure) : Promise.resolve();
  };
  return {
    check,
    /** How many times the page checked the microphone. */
    get checks(): number {
      return state.checks;
    },
    /** From now on every check fails with `error`; null lets them pass again. */
    fail(error: Error | null) {
      failure = error;
    },
  };
}
