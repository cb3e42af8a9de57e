/** What main needs from the embedded demo services (reference server + NCALayer emulator), as in `dev:web`. */
export interface DemoServices {
  serverUrl: string;
  ncalayer: { url: string; tlsCaPem: string | null };
  trustedRootsPem: string[];
  close(): Promise<void>;
}

export type StartDemoServices = (options: { dataDir: string }) => Promise<DemoServices>;
