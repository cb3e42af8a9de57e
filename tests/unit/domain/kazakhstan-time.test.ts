import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstantWithZone, formatTime } from '../../../domain/kazakhstan-time';

describe('dates and times in Kazakhstan time', () => {
  it('an instant late in the UTC evening is already the next day in Almaty, in the list and on the screen alike', () => {
    expect(formatDate('2026-12-01T21:05:00Z')).toBe('02.12.2026');
    expect(formatDateTime('2026-12-01T21:05:00Z')).toBe('02.12.2026 02:05');
    expect(formatTime('2026-12-01T21:05:00.000Z')).toBe('02:05');
    expect(formatInstantWithZone('2026-08-20T09:03:11Z')).toBe('20.08.2026 14:03:11 (UTC+5)');
  });

  it('a calendar date stays the same day; nothing shows a dash', () => {
    expect(formatDate('2021-05-01')).toBe('01.05.2021');
    expect(formatDateTime('2021-05-01')).toBe('01.05.2021');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});
