/** Test keys of the demo parents (tests/fixtures/pki), used to sign contracts and applications in demo mode. */
import { signCms } from '../../tests/fixtures/pki/sign-cms';
import { bytesToBase64 } from '../../domain/pki/bytes';
import { TEST_IDENTITIES, type TestIdentity } from '../../tests/fixtures/pki/identities';
import { loadKey, type LoadedKey } from '../../tests/fixtures/pki/load';

export const demoParents: readonly TestIdentity[] = TEST_IDENTITIES.filter((i) => i.key.startsWith('parent-'));

export const parentFullName = (p: TestIdentity): string => `${p.surname} ${p.name} ${p.patronymic}`;

export class ParentKeyring {
  private readonly keys = new Map<string, Promise<LoadedKey>>();

  private key(iin: string): Promise<LoadedKey> | null {
    const identity = demoParents.find((p) => p.iin === iin);
    if (!identity) return null;
    let key = this.keys.get(iin);
    if (!key) {
      key = loadKey(identity.key, 'sign');
      this.keys.set(iin, key);
    }
    return key;
  }

  /** Base64 DER CMS by the parent with this IIN, or null when the demo has no key for them. */
  async sign(iin: string, content: Uint8Array, detached: boolean, at: Date): Promise<{ cms: string; key: LoadedKey } | null> {
    const pending = this.key(iin);
    if (!pending) return null;
    const key = await pending;
    const der = await signCms({ content, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached, signingTime: at });
    return { cms: bytesToBase64(der), key };
  }
}
