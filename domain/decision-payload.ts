/**
 * The exact text a user signs for a decision other than signing the contract PDF. Both the client (before
 * asking NCALayer) and the server (to verify the CMS content) build it with this one function, so the bytes match.
 */
import type { MutationName } from './mutations';

/** JSON with sorted keys and no whitespace: stable across runtimes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The payload signed for `name` with `args` (the `cms` field itself excluded) on the entity at `baseVersion`.
 * Including the version means a signature cannot be replayed against a later state of the same contract.
 */
export function decisionPayload(name: MutationName, args: Record<string, unknown>, baseVersion: number): string {
  const { cms: _cms, ...rest } = args;
  return canonicalJson({ qabyl: 'decision/v1', name, baseVersion, args: rest });
}
