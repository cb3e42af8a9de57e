/**
 * `npm run build`: bundles the Electron app into out/ without needing the Electron binary.
 *   out/main/index.cjs     main process (CJS; electron, electron-updater and the native module stay external)
 *   out/preload/index.cjs  preload (CJS: a sandboxed preload cannot load ES modules or node_modules)
 *   out/backend/worker.mjs backend worker (ESM for top-level await; all JS dependencies bundled, pkijs included,
 *                          so it runs from app.asar.unpacked; only better-sqlite3 is loaded from node_modules)
 *   out/backend/bootstrap-worker.mjs  the sync worker the backend starts for a bootstrap (same bundling)
 *   out/backend/prefetch-worker.mjs   the worker the backend starts to walk the replica for documents (same bundling)
 *   out/backend/compute-worker.mjs    the compute worker: PDF regeneration and the signed copy off the backend thread
 *   out/demo/index.mjs     demo services for `npm start` (unpackaged runs only)
 *   out/renderer/          the renderer, by `vite build` with the renderer's vite.config.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts: string[]) => path.join(root, ...parts);

// ESM bundles that contain CommonJS dependencies need a real `require` for Node built-ins and the native module.
const esmRequireBanner = "import { createRequire as __qabylCreateRequire } from 'node:module'; const require = __qabylCreateRequire(import.meta.url);";

/**
 * The demo services read their seed and test-PKI files relative to their own source (`import.meta.url`). The demo
 * bundle only runs from a source checkout (`npm start`), so each module keeps its original location.
 */
const keepSourceLocation: Plugin = {
  name: 'keep-source-location',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node24', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };

interface Bundle {
  name: string;
  options: BuildOptions;
  optional?: boolean;
}

/** A backend thread: ESM (top-level await), every JS dependency bundled, only the native module from node_modules. */
function backendThread(name: string, entry: string, outfile: string): Bundle {
  return { name, options: { ...common, entryPoints: [at(entry)], outfile: at(outfile), format: 'esm', external: ['better-sqlite3'], banner: { js: esmRequireBanner } } };
}

const bundles: Bundle[] = [
  {
    name: 'main',
    options: { ...common, entryPoints: [at('electron/main/index.ts')], outfile: at('out/main/index.cjs'), format: 'cjs', external: ['electron', 'electron-updater', 'better-sqlite3'] },
  },
  {
    name: 'preload',
    options: { ...common, entryPoints: [at('electron/preload/index.ts')], outfile: at('out/preload/index.cjs'), format: 'cjs', external: ['electron'] },
  },
  backendThread('backend worker', 'electron/backend/worker-entry.ts', 'out/backend/worker.mjs'),
  backendThread('compute worker', 'electron/backend/compute/compute-worker.ts', 'out/backend/compute-worker.mjs'),
  backendThread('sync worker', 'electron/backend/sync/bootstrap-worker.ts', 'out/backend/bootstrap-worker.mjs'),
  backendThread('prefetch worker', 'electron/backend/blobs/prefetch-worker.ts', 'out/backend/prefetch-worker.mjs'),
  {
    name: 'demo services',
    optional: true,
    options: {
      ...common,
      entryPoints: [at('demo/demo-services.ts')],
      outfile: at('out/demo/index.mjs'),
      format: 'esm',
      packages: 'external',
      plugins: [keepSourceLocation],
      banner: { js: esmRequireBanner },
    },
  },
];

fs.rmSync(at('out'), { recursive: true, force: true });
for (const bundle of bundles) {
  const entry = (bundle.options.entryPoints as string[])[0] as string;
  if (bundle.optional && !fs.existsSync(entry)) {
    console.log(`[build] ${bundle.name}: ${path.relative(root, entry)} does not exist yet, skipped`);
    continue;
  }
  await build(bundle.options);
  console.log(`[build] ${bundle.name} → ${path.relative(root, bundle.options.outfile as string)}`);
}
execFileSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--config', at('vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
console.log('[build] renderer → out/renderer');
