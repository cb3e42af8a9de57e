/** What the backend needs from its host (Electron main or the dev:web launcher). No Electron objects here. */
import { z } from 'zod';

export const backendConfigSchema = z.object({
  appVersion: z.string(),
  mode: z.enum(['demo', 'production']),
  dataDir: z.string().min(1),
  /** Raw 32-byte DB key as hex: Electron unwraps it with safeStorage, dev uses a 0600 key file. */
  dbKeyHex: z.string().regex(/^[0-9a-f]{64}$/),
  migrationsFolder: z.string(),
  resourcesDir: z.string(),
  serverUrl: z.string().url(),
  ncalayer: z.object({
    url: z.string(),
    /** PEM of the CA that signed NCALayer's local TLS certificate (the emulator's test CA in demo/tests). */
    tlsCaPem: z.string().nullable(),
    /** Demo/tests only: let NCALayer offer keys of any CA (basics `chain: []`); production offers NCA keys only. */
    allowTestKeys: z.boolean().default(false),
  }),
  /** PEM certificates of the trusted NCA roots (test roots only in demo/tests). */
  trustedRootsPem: z.array(z.string()),
  /** OCSP responders / CRLs asked instead of the certificate's own AIA/CDP URLs (production: NCA's responder). */
  revocation: z.object({
    ocspUrls: z.array(z.string().url()).optional(),
    crlUrls: z.array(z.string().url()).optional(),
  }).default({}),
});
/** The config after parsing (defaults applied): what services read. */
export type BackendConfig = z.output<typeof backendConfigSchema>;
/** What a host passes in (Electron main, dev:web, tests). */
export type BackendConfigInput = z.input<typeof backendConfigSchema>;
