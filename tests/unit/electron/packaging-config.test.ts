import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const afterPack = createRequire(import.meta.url)(path.join(root, 'scripts/after-pack.cjs')) as {
  fuses: Record<number, boolean> & { strictlyRequireAllFuses: boolean };
  electronBinaryPath(context: unknown): string;
};

describe('fuses flipped at package time', () => {
  it('sets every fuse explicitly to the hardened value', () => {
    expect(afterPack.fuses.strictlyRequireAllFuses).toBe(true);
    expect(afterPack.fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(afterPack.fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(afterPack.fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(afterPack.fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(afterPack.fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(afterPack.fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(afterPack.fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    // strictlyRequireAllFuses: every fuse the installed @electron/fuses knows is set, so a new one fails the build.
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(known.filter((fuse) => typeof afterPack.fuses[fuse] !== 'boolean')).toEqual([]);
  });

  it('targets the packed Windows executable', () => {
    const context = { appOutDir: path.join('dist', 'win-unpacked'), electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'Qabyl' } } };
    expect(afterPack.electronBinaryPath(context)).toBe(path.join('dist', 'win-unpacked', 'Qabyl.exe'));
  });
});

describe('electron-builder.yml', () => {
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const line = (key: string) => yml.split('\n').find((l) => l.trimStart().startsWith(`${key}:`))?.split(':').slice(1).join(':').trim();

  it('packs into an integrity-checked asar with the fuse hook', () => {
    expect(line('asar')).toBe('true');
    expect(yml).not.toMatch(/disableIntegrity|asarIntegrity:\s*false/);
    expect(line('afterPack')).toBe('scripts/after-pack.cjs');
    expect(line('appId')).toBe('kz.qabyl.desktop');
  });

  it('is a per-user NSIS x64 installer in Kazakh and Russian with a desktop shortcut and a generic feed', () => {
    expect(line('perMachine')).toBe('false');
    expect(line('createDesktopShortcut')).toBe('always');
    expect(line('installerLanguages')).toBe('[kk_KZ, ru_RU]');
    expect(line('provider')).toBe('generic');
    expect(line('url')).toMatch(/^https:\/\/.+\/updates\/$/);
    expect(yml).toMatch(/publisherName:\n\s+- "[^"]+"/);
  });
});
