/**
 * Template versions this build can render. New contracts get the newest; a contract is always re-rendered in the
 * version it was made with, because the head must sign the very bytes the parent signed. An older version stays
 * here as long as contracts made with it may still be signed.
 */
export const TEMPLATE_VERSIONS = ['2026.1', '2026.2'] as const;
export type TemplateVersion = (typeof TEMPLATE_VERSIONS)[number];

export const TEMPLATE_VERSION: TemplateVersion = '2026.2';

export function isTemplateVersion(version: string): version is TemplateVersion {
  return (TEMPLATE_VERSIONS as readonly string[]).includes(version);
}

/** The version's own value from a table keyed by version (callers have checked it with isTemplateVersion). */
export function ofVersion<T>(table: Readonly<Record<TemplateVersion, T>>, version: string): T {
  if (!isTemplateVersion(version)) throw new Error(`contract-pdf: template version ${version} is not available`);
  return table[version];
}
