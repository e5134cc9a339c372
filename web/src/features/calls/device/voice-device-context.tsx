import { createContext, useContext, type ReactNode } from 'react';

import { createVoiceDevice } from './create-voice-device';
import type { VoiceDeviceFactory } from './types';

const VoiceDeviceFactoryContext = createContext<VoiceDeviceFactory>(createVoiceDevice);

/** Replaces how voice devices are made (tests inject a fake that needs no network). */
export function VoiceDeviceFactoryProvider({
  factory,
  children,
}: {
  factory: VoiceDeviceFactory | undefined;
  children: ReactNode;
}) {
  if (!factory) return children;
  return <VoiceDeviceFactoryContext value={factory}>{children}</VoiceDeviceFactoryContext>;
}

export function useVoiceDeviceFactory(): VoiceDeviceFactory {
  return useContext(VoiceDeviceFactoryContext);
}
