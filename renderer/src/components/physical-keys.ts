/**
 * Shortcuts by physical key (`KeyboardEvent.code`), not by the character it types: staff type in Cyrillic all day,
 * and the A key gives «ф» on the Russian and Kazakh layouts. The names are the US-layout characters printed on the
 * key (`a`, `j`, `/`, `?`) plus `enter` and `ctrl+enter`.
 */
export type KeyPress = Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function shortcutOf(e: KeyPress): string | null {
  const enter = e.code === 'Enter' || e.code === 'NumpadEnter' || e.key === 'Enter';
  if (e.ctrlKey || e.metaKey) return enter && !e.altKey ? 'ctrl+enter' : null;
  if (e.altKey) return null;
  if (enter) return 'enter';
  const letter = /^Key([A-Z])$/.exec(e.code);
  if (letter) return e.shiftKey ? null : letter[1]!.toLowerCase();
  if (e.code === 'Slash') return e.shiftKey ? '?' : '/';
  // «?» is Shift+7 on the Russian and Kazakh layouts.
  if (e.key === '?') return '?';
  return null;
}
