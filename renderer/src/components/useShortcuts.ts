/**
 * Screen-level single-key shortcuts (J, K, A, F, ?, Ctrl+Enter). Keys typed into inputs, and keys while a modal is
 * open, are left alone, so typing a comment never triggers an action.
 */
import { useEffect, useRef } from 'react';

export type ShortcutMap = Record<string, (e: KeyboardEvent) => void>;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Keys: lowercase letter, '?', 'ctrl+enter'. */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const combo = (e.ctrlKey || e.metaKey) && e.key === 'Enter' ? 'ctrl+enter' : e.ctrlKey || e.metaKey || e.altKey ? null : e.key.length === 1 ? e.key.toLowerCase() : null;
      if (!combo) return;
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
