import { describe, expect, it } from 'vitest';
import { resolveMode } from '../../../electron/main/shell-config';

describe('resolveMode', () => {
  it('runs a packaged app in production whatever the command line says', () => {
    for (const argv of [[], ['--demo'], ['--demo', '--production'], ['Qabyl.exe', '--demo']]) {
      expect(resolveMode({ isPackaged: true, argv })).toBe('production');
    }
  });

  it('runs an unpackaged checkout as the demo unless production is asked for', () => {
    expect(resolveMode({ isPackaged: false, argv: [] })).toBe('demo');
    expect(resolveMode({ isPackaged: false, argv: ['--demo'] })).toBe('demo');
    expect(resolveMode({ isPackaged: false, argv: ['--production'] })).toBe('production');
  });
});
