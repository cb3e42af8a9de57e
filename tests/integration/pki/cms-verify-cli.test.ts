// `npm run cms:verify` on the reference vectors: JSON verdict on stdout, exit 0 valid / 1 invalid / 2 unusable.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const VECTORS = join(ROOT, 'tests/fixtures/gost-vectors');
const dir = mkdtempSync(join(tmpdir(), 'qabyl-cms-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cms-verify.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, report: result.status === 2 ? null : JSON.parse(result.stdout), stderr: result.stderr };
}

describe('cms:verify', () => {
  const roots = join(dir, 'roots');
  const content = join(dir, 'test123.txt');
  const other = join(dir, 'test124.txt');

  it('reports the GOST signer of the detached vector as valid and exits 1 for its untrusted RSA co-signer', () => {
    mkdirSync(roots);
    copyFileSync(join(VECTORS, 'nca_gost2015_test.cer'), join(roots, 'nca_gost2015_test.cer'));
    writeFileSync(content, 'test123');
    const { status, report } = run([join(VECTORS, 'signed_detached_cms.der'), '--content', content, '--roots', roots, '--at', '2023-01-01T00:00:00Z']);
    expect(status).toBe(1);
    expect(report.signers[0]).toMatchObject({ valid: true, iin: '123456789012', algorithm: 'gost2015-512' });
    expect(report.signers[1]).toMatchObject({ valid: false, failure: 'UNTRUSTED_CHAIN', algorithm: 'rsa' });
  });

  it('exits 1 with INVALID_SIGNATURE over test124', () => {
    writeFileSync(other, 'test124');
    const { status, report } = run([join(VECTORS, 'signed_detached_cms.der'), '--content', other, '--roots', roots, '--at', '2023-01-01T00:00:00Z']);
    expect(status).toBe(1);
    expect(report).toMatchObject({ valid: false, failure: 'INVALID_SIGNATURE' });
  });

  it('exits 2 for input that is not a CMS and for a bad --at', () => {
    expect(run([join(VECTORS, 'README.md'), '--roots', roots]).status).toBe(2);
    expect(run([join(VECTORS, 'signed_cms.der'), '--roots', roots, '--at', 'yesterday']).status).toBe(2);
  });
});
