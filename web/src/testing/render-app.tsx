import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

import { createApp } from '@/app/create-app';
import { AppProvider } from '@/app/provider';
import { preloadPages } from '@/app/router';

import { createFakeApi, type FakeApi } from './fake-api';
import { createFakeLive, type FakeLive } from './fake-live-socket';
import { createFakeMicrophone, type FakeMicrophone } from './fake-microphone';
import { createFakeVoice, type FakeVoice } from './fake-voice-device';

// The pages load lazily; compiling them on first use would eat into the tests' own time limits.
await preloadPages();

type RenderAppOptions = {
  path?: string;
  api?: FakeApi;
  /** The live socket's server side (default: a fresh fake the test may ignore). */
  live?: FakeLive;
  /** The voice devices the softphone makes (default: a fresh fake). */
  voice?: FakeVoice;
  /** The microphone check before going Available (default: a fresh fake that passes). */
  microphone?: FakeMicrophone;
};

/**
 * Renders the whole app (real routes, real query client wiring) at `path`, with `fetch`
 * answered by a fake server, the live socket, the voice device and the microphone faked too: no
 * network and no devices at all.
 * A new QueryClient per call, without retries.
 */
export function renderApp({
  path = '/',
  api = createFakeApi(),
  live = createFakeLive(),
  voice = createFakeVoice(),
  microphone = createFakeMicrophone(),
}: RenderAppOptions = {}) {
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const app = createApp({
    initialEntries: [path],
    queryDefaults: { queries: { retry: false }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(
    <AppProvider
      queryClient={app.queryClient}
      router={app.router}
      services={{
        voiceDevice: voice.factory,
        liveSocket: live.Socket,
        microphoneCheck: microphone.check,
      }}
    />,
  );
  return { ...view, ...app, api, live, voice, microphone, user };
}

/** The current location of the app's router as one string, e.g. `/login?expired=1`. */
export function currentUrl(router: ReturnType<typeof createApp>['router']): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}
