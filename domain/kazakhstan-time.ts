/**
 * Every date and time shown to a person, in Kazakhstan time (Asia/Almaty, UTC+5 all year since 2024) and the
 * `dd.mm.yyyy` form Kazakh and Russian documents use — whatever the machine's zone or its time-zone database says.
 * A calendar date (`2026-12-02`) is shown as it is; an instant (`2026-12-01T21:05:00Z`) is moved to UTC+5 first, so
 * a list column and the contract screen agree on the day.
 */
import { KAZAKHSTAN_UTC_OFFSET_MS } from './calendar';

const pad = (n: number): string => String(n).padStart(2, '0');

function parts(value: string): { date: string; time: string | null; seconds: string } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value.split('-').reverse().join('.'), time: null, seconds: '' };
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const t = new Date(ms + KAZAKHSTAN_UTC_OFFSET_MS);
  return {
    date: `${pad(t.getUTCDate())}.${pad(t.getUTCMonth() + 1)}.${t.getUTCFullYear()}`,
    time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`,
    seconds: pad(t.getUTCSeconds()),
  };
}

/** `dd.mm.yyyy`; `—` when there is no date. */
export function formatDate(value: string | null | undefined): string {
  return (value && parts(value)?.date) || '—';
}

/** `dd.mm.yyyy hh:mm` (a calendar date alone stays a date); `—` when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  const p = value ? parts(value) : null;
  if (!p) return '—';
  return p.time ? `${p.date} ${p.time}` : p.date;
}

/** `hh:mm` of an instant. */
export function formatTime(value: string): string {
  return parts(value)?.time ?? '—';
}

/** `dd.mm.yyyy hh:mm:ss (UTC+5)`: the signature times printed in documents. */
export function formatInstantWithZone(value: string): string {
  const p = parts(value);
  return p?.time ? `${p.date} ${p.time}:${p.seconds} (UTC+5)` : formatDate(value);
}
