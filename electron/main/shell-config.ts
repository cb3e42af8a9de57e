/**
 * How the shell decides its mode and reads production settings. Demo is the default of an unpackaged run
 * (`npm start`); a packaged app runs in production and reads `qabyl.config.json` next to the executable, written by
 * the administrator. The NCA root certificates come from the app's resources (nca-roots/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export type Mode = 'demo' | 'production';

/**
 * A packaged app is always production: a `--demo` flag would trust the bundled test keys, so an installed copy
 * ignores it whatever a shortcut or a user passes (the demo services are not even in the package).
 */
export function resolveMode(options: { isPackaged: boolean; argv: readonly string[] }): Mode {
  if (options.isPackaged) return 'production';
  if (options.argv.includes('--production')) return 'production';
  return 'demo';
}

const httpsUrl = z.string().url().refine((url) => url.startsWith('https://'), 'must be an https:// URL');

export const productionConfigSchema = z
  .object({
    serverUrl: httpsUrl,
    ncalayerUrl: z.string().regex(/^wss:\/\/127\.0\.0\.1:\d{2,5}$/).default('wss://127.0.0.1:13579'),
  })
  .strict();
export type ProductionConfig = z.infer<typeof productionConfigSchema>;

export const CONFIG_FILE_NAME = 'qabyl.config.json';

export function readProductionConfig(file: string): ProductionConfig {
  if (!fs.existsSync(file)) throw new Error(`${CONFIG_FILE_NAME} is missing next to the application (${path.dirname(file)}).`);
  const parsed = productionConfigSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${CONFIG_FILE_NAME} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** PEM texts of every certificate in the folder (.pem/.crt as PEM, .cer as DER or PEM). */
export function readCertificates(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => /\.(pem|crt|cer)$/i.test(name))
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(folder, name));
      const text = bytes.toString('latin1');
      if (text.includes('-----BEGIN CERTIFICATE-----')) return text;
      const base64 = bytes.toString('base64').replace(/.{64}/g, '$&\n');
      return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
    });
}
