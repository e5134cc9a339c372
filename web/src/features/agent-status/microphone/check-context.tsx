import { createContext, useContext, type ReactNode } from 'react';

import { checkMicrophone, type MicrophoneCheck } from './check-microphone';

const MicrophoneCheckContext = createContext<MicrophoneCheck>(checkMicrophone);

/** Replaces how the microphone is checked (tests inject a fake that needs no device). */
export function MicrophoneCheckProvider({
  check,
  children,
}: {
  check: MicrophoneCheck | undefined;
  children: ReactNode;
}) {
  if (!check) return children;
  return <MicrophoneCheckContext value={check}>{children}</MicrophoneCheckContext>;
}

export function useMicrophoneCheck(): MicrophoneCheck {
  return useContext(MicrophoneCheckContext);
}
