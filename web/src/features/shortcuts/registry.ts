// Which keyboard shortcuts the pages on screen offer, for the one help overlay (`?`) that lists
// them. A page (or a part of it) registers its group while mounted; the keys themselves are bound
// where they act (useKeyboardShortcut), next to the button each one presses. A module-level store
// rather than a context: it is global UI state, like toasts, and needs no provider in the shell.
import { useEffect, useSyncExternalStore } from 'react';

/** One line of the overlay: the key(s) as written on the keyboard, and what they do. */
export type Shortcut = { keys: string; action: string };

/** The shortcuts of one page or part of it, under a title ("Queue"). */
export type ShortcutGroup = {
  id: string;
  title: string;
  shortcuts: readonly Shortcut[];
};

const registered = new Map<string, { group: ShortcutGroup; count: number }>();
const listeners = new Set<() => void>();
let snapshot: readonly ShortcutGroup[] = [];

function publish() {
  snapshot = [...registered.values()].map((entry) => entry.group);
  for (const listener of listeners) listener();
}

/**
 * Adds `group` to the overlay until the returned function is called. The same id registered twice
 * (two mounts) is listed once and stays until both are gone.
 */
export function registerShortcutGroup(group: ShortcutGroup): () => void {
  const entry = registered.get(group.id);
  registered.set(group.id, { group, count: (entry?.count ?? 0) + 1 });
  publish();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const current = registered.get(group.id);
    if (!current) return;
    if (current.count > 1) registered.set(group.id, { ...current, count: current.count - 1 });
    else registered.delete(group.id);
    publish();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The groups registered now, in the order they were first registered. */
export function useShortcutGroups(): readonly ShortcutGroup[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/**
 * Lists `group` in the overlay while the calling component is mounted (pass a constant); null
 * lists nothing (a page whose shortcuts this user cannot use).
 */
export function useShortcutGroup(group: ShortcutGroup | null): void {
  useEffect(() => (group ? registerShortcutGroup(group) : undefined), [group]);
}
