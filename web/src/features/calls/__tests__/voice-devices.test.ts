import { afterEach, describe, expect, it, vi } from 'vitest';

import { createVoiceDevice } from '@/features/calls/device/create-voice-device';
import { noLongerRingingMessage, VoiceDeviceError } from '@/features/calls/device/types';
import { setCsrfToken } from '@/lib/api-client';

type Sent = { url: string; init: RequestInit };

function stubFetch(respond: (url: string) => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return respond(url);
    }),
  );
  return sent;
}

const headersOf = (sent: Sent | undefined) => new Headers(sent?.init.headers);

afterEach(() => setCsrfToken(null));

describe('the simulated voice device', () => {
  it('places the call with the access token only: no cookie, no CSRF token', async () => {
    setCsrfToken('csrf-of-the-session');
    const sent = stubFetch(() => Response.json({ callSid: 'CA123' }, { status: 201 }));
    const device = createVoiceDevice('token-1', 'sim');

    await device.connect({ params: { sessionId: '5001' } });

    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/sim/device/calls');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.credentials).toBe('omit');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ params: { sessionId: '5001' } });
    const headers = headersOf(sent[0]);
    expect(headers.get('Authorization')).toBe('Bearer token-1');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.has('X-CSRF-Token')).toBe(false);
  });

  it('hangs up and sends digits for its call, with the latest token', async () => {
    const sent = stubFetch((url) =>
      url === '/sim/device/calls'
        ? Response.json({ callSid: 'CA123' }, { status: 201 })
        : Response.json({ ok: true }),
    );
    const device = createVoiceDevice('token-1', 'sim');
    const call = await device.connect({ params: { sessionId: '5001' } });
    device.updateToken('token-2');

    call.sendDigits('1#');
    call.disconnect();

    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[1]?.url).toBe('/sim/device/calls/CA123/digits');
    expect(JSON.parse(String(sent[1]?.init.body))).toEqual({ digits: '1#' });
    expect(headersOf(sent[1]).get('Authorization')).toBe('Bearer token-2');
    expect(sent[2]?.url).toBe('/sim/device/calls/CA123/hangup');
    expect(sent[2]?.init.body).toBeUndefined();
    expect(headersOf(sent[2]).get('Authorization')).toBe('Bearer token-2');
  });

  it('keeps mute as a flag and reports a failed hang-up as an error of the call', async () => {
    stubFetch((url) =>
      url === '/sim/device/calls'
        ? Response.json({ callSid: 'CA123' }, { status: 201 })
        : new Response('', { status: 404 }),
    );
    const call = await createVoiceDevice('token-1', 'sim').connect({ params: { sessionId: '1' } });
    const errors: Error[] = [];
    call.on('error', (error) => errors.push(error));

    call.mute(true);
    expect(call.isMuted()).toBe(true);
    call.disconnect();

    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toBeInstanceOf(VoiceDeviceError);
  });

  it('refuses to place a call when the stand-in refuses the token', async () => {
    stubFetch(() => new Response('', { status: 401 }));
    await expect(
      createVoiceDevice('expired', 'sim').connect({ params: { sessionId: '1' } }),
    ).rejects.toBeInstanceOf(VoiceDeviceError);
  });

  it('needs no registering: the stand-in rings the agent by their token', async () => {
    const sent = stubFetch(() => Response.json({}));
    await createVoiceDevice('token-1', 'sim').register();
    expect(sent).toHaveLength(0);
  });

  it('answers the call ringing for it with the access token only, then controls it', async () => {
    setCsrfToken('csrf-of-the-session');
    const sent = stubFetch((url) =>
      url === '/sim/device/incoming/accept'
        ? Response.json({ callSid: 'CA777' })
        : Response.json({ ok: true }),
    );
    const device = createVoiceDevice('token-1', 'sim');

    const call = await device.acceptIncoming();
    call.sendDigits('2');
    call.disconnect();

    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[0]?.url).toBe('/sim/device/incoming/accept');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.credentials).toBe('omit');
    expect(sent[0]?.init.body).toBeUndefined();
    expect(headersOf(sent[0]).get('Authorization')).toBe('Bearer token-1');
    expect(headersOf(sent[0]).has('X-CSRF-Token')).toBe(false);
    expect(sent[1]?.url).toBe('/sim/device/calls/CA777/digits');
    expect(sent[2]?.url).toBe('/sim/device/calls/CA777/hangup');
  });

  it('says the call no longer rings when the stand-in has nothing ringing for it', async () => {
    stubFetch(() => new Response('', { status: 404 }));
    const answering = createVoiceDevice('token-1', 'sim').acceptIncoming();
    await expect(answering).rejects.toBeInstanceOf(VoiceDeviceError);
    await expect(answering).rejects.toThrow(noLongerRingingMessage);
  });

  it('turns the ringing call away; nothing ringing any more is as good', async () => {
    const sent = stubFetch(() => Response.json({ callSid: 'CA777' }));
    const device = createVoiceDevice('token-1', 'sim');
    await device.rejectIncoming();
    expect(sent[0]?.url).toBe('/sim/device/incoming/reject');
    expect(headersOf(sent[0]).get('Authorization')).toBe('Bearer token-1');

    stubFetch(() => new Response('', { status: 404 }));
    await expect(device.rejectIncoming()).resolves.toBeUndefined();
    stubFetch(() => new Response('', { status: 500 }));
    await expect(device.rejectIncoming()).rejects.toBeInstanceOf(VoiceDeviceError);
  });
});
