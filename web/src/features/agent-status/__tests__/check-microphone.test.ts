import { afterEach, describe, expect, it, vi } from 'vitest';

import { checkMicrophone, MicrophoneError } from '../microphone/check-microphone';

function stubMediaDevices(mediaDevices: Partial<MediaDevices> | undefined) {
  vi.stubGlobal('navigator', { ...navigator, mediaDevices });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the browser microphone check', () => {
  it('asks for audio only and stops the tracks at once', async () => {
    const stop = vi.fn();
    const getUserMedia = vi.fn(() =>
      Promise.resolve({ getTracks: () => [{ stop }, { stop }] } as unknown as MediaStream),
    );
    stubMediaDevices({ getUserMedia });

    await checkMicrophone();

    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(stop).toHaveBeenCalledTimes(2);
  });

  it.each([
    [
      'NotAllowedError',
      'the browser was not allowed to use it (allow the microphone for this site)',
    ],
    ['NotFoundError', 'no microphone was found (check that the headset is plugged in)'],
    ['NotReadableError', 'it could not be started (another application may be using it)'],
  ])('says what a %s means', async (name, reason) => {
    stubMediaDevices({
      getUserMedia: () => Promise.reject(new DOMException('denied', name)),
    });

    const failure = checkMicrophone();

    await expect(failure).rejects.toBeInstanceOf(MicrophoneError);
    await expect(failure).rejects.toThrow(reason);
  });

  it('fails where the page is offered no microphone at all', async () => {
    stubMediaDevices(undefined);

    await expect(checkMicrophone()).rejects.toThrow('this browser does not offer one to this page');
  });
});
