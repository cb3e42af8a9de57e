import * as pkijs from 'pkijs';

let installed = false;

/** pkijs needs a crypto engine; every runtime we target (Node ≥ 20, Electron, browsers) has WebCrypto on globalThis. */
export function ensurePkiEngine(): void {
  if (installed) return;
  pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));
  installed = true;
}
