import { useEffect, useRef } from 'react';

const nonTextInputTypes = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** True where a typed letter belongs to the control (text fields, selects, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputTypes.has(target.type);
}

/**
 * Calls `handler` with the key when the single key `key` (case-insensitive, no Ctrl/Alt/Meta), or
 * any one of `key` when it is a list, is pressed anywhere on the page, except while the user is
 * typing into a field. Held keys do not repeat it.
 */
export function useKeyboardShortcut(
  key: string | readonly string[],
  handler: (key: string) => void,
  enabled = true,
): void {
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });

  // One string, so that a list written inline does not rebind the listener on every render.
  const wanted = (typeof key === 'string' ? [key] : key).map((k) => k.toLowerCase()).join('\n');
  useEffect(() => {
    if (!enabled) return undefined;
    const keys = new Set(wanted.split('\n'));
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const pressed = event.key.toLowerCase();
      if (!keys.has(pressed) || isTypingTarget(event.target)) return;
      event.preventDefault();
      handlerRef.current(event.key);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [wanted, enabled]);
}
