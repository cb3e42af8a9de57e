import { describe, expect, it } from 'vitest';
import { electronVersionProblems } from '../../../scripts/electron-version-policy';

const published = ['41.7.1', '42.3.0', '43.1.2', '44.0.0', '44.2.1', '45.0.0', '45.6.1', '46.0.0-beta.3', '45.6.2-nightly.1'];

describe('Electron version policy', () => {
  it('accepts the newest patch of a supported line', () => {
    expect(electronVersionProblems('45.6.1', published)).toEqual([]);
    expect(electronVersionProblems('44.2.1', published)).toEqual([]);
    expect(electronVersionProblems('43.1.2', published)).toEqual([]);
  });

  it('refuses a line older than the newest three', () => {
    expect(electronVersionProblems('42.3.0', published)).toEqual(['Electron 42.3.0 is out of support: supported major lines are 45, 44, 43']);
    expect(electronVersionProblems('41.7.1', published)[0]).toMatch(/out of support/);
  });

  it('refuses a stale patch of a supported line', () => {
    expect(electronVersionProblems('45.0.0', published)).toEqual(['Electron 45.0.0 is behind 45.6.1, the newest release of its line']);
  });

  it('ignores prereleases and refuses to ship one', () => {
    expect(electronVersionProblems('46.0.0-beta.3', published)).toEqual(['Electron 46.0.0-beta.3 is not a stable release']);
  });
});
