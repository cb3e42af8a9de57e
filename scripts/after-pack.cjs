// electron-builder afterPack hook: flips Electron's fuses in the packed binary before signing (signing then keeps
// them from being flipped back). CommonJS because electron-builder require()s hooks.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(), so this file is CommonJS */
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** Every fuse set explicitly (strictlyRequireAllFuses), so an Electron upgrade with a new fuse fails the build. */
const fuses = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // V8's WebAssembly trap handlers stay as Electron ships them (pdf.js decoders may use WebAssembly).
  [FuseV1Options.WasmTrapHandlers]: true,
};

function electronBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, { ...fuses, resetAdHocDarwinSignature: isMac && context.arch === 3 /* arm64 */ });
  console.log(`[after-pack] fuses flipped in ${path.basename(binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuses = fuses;
module.exports.electronBinaryPath = electronBinaryPath;
