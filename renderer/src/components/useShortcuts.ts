/**
 * Screen-level single-key shortcuts (J, K, A, F, ?, Ctrl+Enter) by physical key, so they work on any layout. Keys
 * typed into inputs, and keys while a modal is open, are left alone, so typing a comment never triggers an action.
 */
import { useEffect, useRef } from 'react';
import { shortcutOf } from './physical-keys';

export type ShortcutMap = Record<string, (e: KeyboardEvent) => void>;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Keys: names from `shortcutOf` — a lowercase Latin letter, '/', '?', 'ctrl+enter'. */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const combo = shortcutOf(e);
      if (!combo || combo === 'enter') return;
      if (combo !== 'ctrl+enter' && isTyping(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]') && combo !== 'ctrl+enter') return;
      const handler = latest.current[combo];
      if (handler) {
        e.preventDefault();
        handler(e);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/**
 * Ctrl+Enter confirms an open dialog wherever the focus is (a field of the dialog, the page behind it, nothing):
 * the one key a person learns for «do it» must not depend on where she clicked last.
 */
export function useConfirmKey(enabled: boolean, confirm: () => void): void {
  const latest = useRef(confirm);
  useEffect(() => {
    latest.current = confirm;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (shortcutOf(e) !== 'ctrl+enter') return;
      e.preventDefault();
      e.stopPropagation();
      latest.current();
    };
    // Capture phase: a field inside the dialog must not swallow it first.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
