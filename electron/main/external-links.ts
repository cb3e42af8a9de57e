/**
 * The only way the app opens a URL in the user's browser. Only https URLs whose host is exactly on the allow-list
 * pass; everything else (other schemes, lookalike or IDN hosts, credentials, ports) is refused.
 */
import { parseUrl } from './origin';

/** Public sites staff may be sent to (e-government portal, NCA RK for NCALayer). Exact hostnames, no wildcards. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['egov.kz', 'www.egov.kz', 'pki.gov.kz', 'www.pki.gov.kz'];

export function isAllowedExternalUrl(raw: unknown, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    allowedHosts.includes(url.hostname)
  );
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens `raw` externally when allowed; returns whether it did. */
export async function openExternalSafely(shell: ShellLike, raw: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  // Re-serialise so the OS receives the parsed form, not the original string. This is the one audited call site.
  await shell.openExternal(new URL(raw as string).href); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
}
