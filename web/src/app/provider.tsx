import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { RouterProvider, type DataRouter } from 'react-router';

import type { MicrophoneCheck } from '@/features/agent-status/microphone/check-microphone';
import { MicrophoneCheckProvider } from '@/features/agent-status/microphone/check-context';
import type { VoiceDeviceFactory } from '@/features/calls/device/types';
import { VoiceDeviceFactoryProvider } from '@/features/calls/device/voice-device-context';
import { LiveSocketProvider, type LiveSocketConstructor } from '@/features/calls/live/live-events';

function flushRouterUpdate(update: () => unknown): undefined {
  flushSync(update);
  return undefined;
}

/** What the app reaches outside the page with, besides fetch; tests replace them with fakes. */
export type AppServices = {
  /** Makes the agent's voice device (default: the simulated or the Twilio device, per token). */
  voiceDevice?: VoiceDeviceFactory;
  /** The class the live socket is opened with (default: the browser's WebSocket). */
  liveSocket?: LiveSocketConstructor;
  /** Checks the microphone before the agent goes Available (default: getUserMedia). */
  microphoneCheck?: MicrophoneCheck;
};

type AppProviderProps = { queryClient: QueryClient; router: DataRouter; services?: AppServices };

/** Everything the app needs around it: server-state cache, router and the outside services. */
export function AppProvider({ queryClient, router, services = {} }: AppProviderProps) {
  return (
    <StrictMode>
      <VoiceDeviceFactoryProvider factory={services.voiceDevice}>
        <MicrophoneCheckProvider check={services.microphoneCheck}>
          <LiveSocketProvider socket={services.liveSocket}>
            <QueryClientProvider client={queryClient}>
              {/* What react-router/dom's RouterProvider adds: lets navigate({ flushSync: true })
                  work. Importing react-router/dom instead loads a second copy of the router under
                  Vitest. */}
              <RouterProvider router={router} flushSync={flushRouterUpdate} />
            </QueryClientProvider>
          </LiveSocketProvider>
        </MicrophoneCheckProvider>
      </VoiceDeviceFactoryProvider>
    </StrictMode>
  );
}
