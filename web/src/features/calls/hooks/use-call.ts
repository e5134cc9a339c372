// One call with the held customer, from the Call button (or answering their call) to the end, in
// one place for every kind of device. What the agent sees follows the server's call session (the
// provider's status callbacks move it; the live socket says when to refetch it). The device's own
// 'accept' and 'disconnect', when it has them (the real SDK), only get there sooner: the simulated
// device has none, and for it the session alone is what "accepts" (in-progress) and "disconnects"
// (a final status) the call.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { isApiError } from '@/lib/api-error';
import { finalCallStatuses, type CallRefusal, type CallStatus } from '@/types/api';

import { callKeys } from '../api/call-keys';
import { callRefusal, useCreateCallSession } from '../api/create-call-session';
import { useCallSession } from '../api/get-call-session';
import {
  VoiceDeviceError,
  voiceUnavailableMessage,
  type VoiceCall,
  type VoiceDevice,
} from '../device/types';
import { useLiveEvents } from '../live/live-events';

export type CallPhase =
  | { kind: 'idle' }
  /** Call pressed: getting the device ready and asking the server for a session. */
  | { kind: 'starting' }
  | { kind: 'dialling' }
  | { kind: 'ringing' }
  /** The customer's call to us was answered here; the line is being put through. */
  | { kind: 'answering' }
  /** `since` is this browser's clock when the call was answered (the server's may differ). */
  | { kind: 'connected'; since: number | null }
  /** `reason` is the final status; null while the server has not said it yet. */
  | { kind: 'ended'; reason: CallStatus | null };

/**
 * How pressing Call went: `started` once the server opened the call's session (the call then runs
 * its course, even if the device fails to connect it); `refused` when the contact rules said no;
 * `failed` when no call was made for any other reason (voice service, network); `ignored` when a
 * call was already starting or made in this hold.
 */
export type CallStartResult = 'started' | 'refused' | 'failed' | 'ignored';

/** How taking over an answered call went: `ignored` when this hold already has a call. */
export type CallAdoptResult = 'adopted' | 'ignored';

export type UseCallOptions = {
  userId: string;
  ensureDevice: () => Promise<VoiceDevice>;
  onStarted?: (callSessionId: string) => void;
  onEnded?: (callSessionId: string) => void;
};

/** What the agent is told when the device (or the server, getting it ready) failed them. */
export function voiceErrorMessage(error: unknown): string {
  if (error instanceof VoiceDeviceError) return error.message;
  if (isApiError(error)) return error.message;
  return voiceUnavailableMessage;
}

export function useCall({ userId, ensureDevice, onStarted, onEnded }: UseCallOptions) {
  const queryClient = useQueryClient();
  const createSession = useCreateCallSession();
  const [starting, setStarting] = useState(false);
  const [sessionId, setSessionId] = useState<string | null>(null);
  // The customer called us: the session was opened by the server, not by Call.
  const [inbound, setInbound] = useState(false);
  const [voiceCall, setVoiceCall] = useState<VoiceCall | null>(null);
  const [refusal, setRefusal] = useState<CallRefusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the device said before the server did (real SDK only), and a call that never connected.
  const [deviceAccepted, setDeviceAccepted] = useState(false);
  const [deviceEnded, setDeviceEnded] = useState(false);
  const [connectFailed, setConnectFailed] = useState(false);
  const [connectedSince, setConnectedSince] = useState<number | null>(null);
  const [muted, setMuted] = useState(false);
  const [hangingUp, setHangingUp] = useState(false);
  const session = useCallSession(sessionId);
  const status = session.data?.callSession.status;

  const sessionIdRef = useRef(sessionId);
  // The device's call while it lasts (null before it connects and once it has ended).
  const liveCallRef = useRef<VoiceCall | null>(null);
  const mountedRef = useRef(true);
  // State alone would let a second press (F2 held, a double click) in before the next render.
  const startingRef = useRef(false);
  useEffect(() => {
    sessionIdRef.current = sessionId;
  });

  const refresh = useCallback(() => {
    const id = sessionIdRef.current;
    if (id === null) return;
    void queryClient.invalidateQueries({ queryKey: callKeys.session(id) });
    void queryClient.invalidateQueries({ queryKey: callKeys.forCustomer(userId) });
  }, [queryClient, userId]);

  useLiveEvents((event) => {
    if (event.type === 'call' && event.subjectId === sessionIdRef.current) refresh();
  }, refresh);

  let phase: CallPhase;
  const serverEnded = status !== undefined && finalCallStatuses.has(status);
  if (sessionId === null) {
    phase = starting ? { kind: 'starting' } : { kind: 'idle' };
  } else if (serverEnded || deviceEnded || connectFailed) {
    const reason: CallStatus | null = serverEnded ? status : connectFailed ? 'failed' : null;
    phase = { kind: 'ended', reason };
  } else if (status === 'in-progress' || deviceAccepted) {
    phase = { kind: 'connected', since: connectedSince };
  } else if (inbound) {
    // What rings before then is the agent's own device, and they have answered it.
    phase = { kind: 'answering' };
  } else if (status === 'ringing') {
    phase = { kind: 'ringing' };
  } else {
    phase = { kind: 'dialling' };
  }

  useEffect(() => {
    if (phase.kind === 'connected' && connectedSince === null) setConnectedSince(Date.now());
  }, [phase.kind, connectedSince]);

  // The end is reported once, whichever side saw it first; the call's history is reread then.
  const endedReported = useRef(false);
  useEffect(() => {
    if (phase.kind !== 'ended' || sessionId === null || endedReported.current) return;
    endedReported.current = true;
    void queryClient.invalidateQueries({ queryKey: callKeys.forCustomer(userId) });
    onEnded?.(sessionId);
  });

  // A call must not outlive the screen that controls it (the hold was lost, the agent signed out).
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      liveCallRef.current?.disconnect();
      liveCallRef.current = null;
    };
  }, []);
  useEffect(() => {
    if (phase.kind === 'ended') liveCallRef.current = null;
  });

  const inCall =
    phase.kind === 'dialling' ||
    phase.kind === 'ringing' ||
    phase.kind === 'answering' ||
    phase.kind === 'connected';

  /**
   * From here on the session `id` is this hold's call, and the device's call for it is what
   * `connecting` resolves with: the one path both a call placed and a call answered take.
   */
  async function follow(id: string, connecting: () => Promise<VoiceCall>): Promise<void> {
    sessionIdRef.current = id;
    setSessionId(id);
    onStarted?.(id);
    let call: VoiceCall;
    try {
      call = await connecting();
    } catch (failure) {
      setError(voiceErrorMessage(failure));
      setConnectFailed(true);
      return;
    }
    if (!mountedRef.current) {
      call.disconnect();
      return;
    }
    call.on('accept', () => setDeviceAccepted(true));
    call.on('disconnect', () => {
      setDeviceEnded(true);
      refresh();
    });
    call.on('error', (failure) => {
      setError(failure.message || voiceUnavailableMessage);
      setHangingUp(false);
    });
    liveCallRef.current = call;
    setVoiceCall(call);
  }

  async function start(): Promise<CallStartResult> {
    if (startingRef.current || sessionId !== null) return 'ignored';
    startingRef.current = true;
    setStarting(true);
    setRefusal(null);
    setError(null);
    try {
      // The device first: when the voice service cannot be used, no call attempt is recorded
      // against the customer's daily limits.
      let device: VoiceDevice;
      try {
        device = await ensureDevice();
      } catch (failure) {
        setError(voiceErrorMessage(failure));
        return 'failed';
      }
      let id: string;
      try {
        id = (await createSession.mutateAsync(userId)).callSession.id;
      } catch (failure) {
        const refused = callRefusal(failure);
        if (refused) setRefusal(refused);
        else setError(voiceErrorMessage(failure));
        return refused ? 'refused' : 'failed';
      }
      if (!mountedRef.current) return 'started';
      await follow(id, () => device.connect({ params: { sessionId: id } }));
      return 'started';
    } finally {
      startingRef.current = false;
      setStarting(false);
    }
  }

  /**
   * Takes over the customer's call that the agent answered: the server's session `callSessionId`
   * (opened when the call came in) and the device's call, once `answered` gives it. From then on
   * it is followed, controlled and ended exactly as a call placed with Call is.
   */
  function adopt(callSessionId: string, answered: Promise<VoiceCall>): CallAdoptResult {
    if (startingRef.current || sessionIdRef.current !== null) return 'ignored';
    setRefusal(null);
    setError(null);
    setInbound(true);
    void follow(callSessionId, () => answered);
    return 'adopted';
  }

  function hangUp() {
    const call = liveCallRef.current;
    if (!call || hangingUp) return;
    setHangingUp(true);
    call.disconnect();
  }

  function toggleMute() {
    const call = liveCallRef.current;
    if (!call) return;
    call.mute(!call.isMuted());
    setMuted(call.isMuted());
  }

  function sendDigit(digit: string) {
    liveCallRef.current?.sendDigits(digit);
  }

  return {
    phase,
    sessionId,
    inCall,
    /** Hang up, Mute and the keypad work once the device has the call. */
    controllable: inCall && voiceCall !== null,
    hangingUp,
    muted,
    refusal,
    error,
    start,
    adopt,
    hangUp,
    toggleMute,
    sendDigit,
  };
}
