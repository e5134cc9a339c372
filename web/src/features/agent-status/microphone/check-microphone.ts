// Before an agent goes Available with the real voice service, the browser is asked for the
// microphone once, so that a refused permission or a missing headset shows up now rather than
// when the first customer answers.

/** Resolves when a microphone can be opened; rejects with the reason in words otherwise. */
export type MicrophoneCheck = () => Promise<void>;

/** A microphone that cannot be used; `message` is the reason, in words. */
export class MicrophoneError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MicrophoneError';
  }
}

/** What the browser's getUserMedia failures mean for the agent. */
function reasonFor(error: unknown): string {
  // Read as a plain object: a DOMException is not an Error everywhere.
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
  };
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'the browser was not allowed to use it (allow the microphone for this site)';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no microphone was found (check that the headset is plugged in)';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'it could not be started (another application may be using it)';
    default:
      return typeof message === 'string' && message !== '' ? message : 'it could not be opened';
  }
}

/** Opens the microphone and closes it again at once: nothing is recorded or sent. */
export const checkMicrophone: MicrophoneCheck = async () => {
  const media = globalThis.navigator?.mediaDevices;
  if (typeof media?.getUserMedia !== 'function') {
    // Browsers offer no microphone to pages that are not served over https (or from localhost).
    throw new MicrophoneError('this browser does not offer one to this page');
  }
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia({ audio: true });
  } catch (cause) {
    throw new MicrophoneError(reasonFor(cause), { cause });
  }
  for (const track of stream.getTracks()) track.stop();
};
