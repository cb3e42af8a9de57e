/** What main needs from the embedded demo services (reference server + NCALayer emulator), as in `dev:web`. */
export interface DemoServices {
  serverUrl: string;
  /** allowTestKeys: the emulator's test keys are offered (demo only). */
  ncalayer: { url: string; tlsCaPem: string | null; allowTestKeys: boolean };
  trustedRootsPem: string[];
  /** Where the desktop asks about revocation (demo: the demo server's OCSP responder; production: the certificates' own). */
  revocation: { ocspUrls?: string[]; crlUrls?: string[] };
  close(): Promise<void>;
}

export type StartDemoServices = (options: { dataDir: string }) => Promise<DemoServices>;
