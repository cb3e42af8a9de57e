// Runs `openssl cms -verify` on a signature: the independent second opinion every test signature must pass. A GOST
// CMS goes to OpenSSL's GOST engine in its own shape (TC26 OIDs, RFC byte order); the relabelled certificates no
// longer carry valid CA signatures, so there OpenSSL checks the signature value and our verifier the chain.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PKI_DIR } from '../../fixtures/pki/load';
import { PKI_LAYOUT } from '../../fixtures/pki/layout';
import { hasGostSigner, relabelCms } from '../../support/gost-relabel';

export function opensslVerifies(cmsDer: Uint8Array, content: Uint8Array | null): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'qabyl-cms-'));
  try {
    const gost = hasGostSigner(cmsDer);
    writeFileSync(join(dir, 'sig.der'), gost ? relabelCms(cmsDer, 'openssl') : cmsDer);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der'),
      ...(gost ? ['-engine', 'gost', '-noverify'] : ['-CAfile', join(PKI_DIR, PKI_LAYOUT.root)]), '-purpose', 'any', '-out', join(dir, 'out.bin')];
    if (content) {
      writeFileSync(join(dir, 'doc.bin'), content);
      args.push('-content', join(dir, 'doc.bin'));
    }
    execFileSync('openssl', args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
