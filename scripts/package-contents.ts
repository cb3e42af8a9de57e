/**
 * What electron-builder would put into the installer, computed on disk without Electron: the production dependency
 * tree (resolved like Node resolves `require`, starting from package.json `dependencies`), filtered by the `files`
 * globs of electron-builder.yml, plus the app's own `files` and the `extraResources`. Used by `npm run check:package`
 * and its unit test, so a dev-only package moved into `dependencies` fails before it reaches a kindergarten PC.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';

const builderConfigSchema = z.object({
  files: z.array(z.string()),
  asarUnpack: z.array(z.string()).default([]),
  extraResources: z.array(z.object({ from: z.string(), to: z.string(), filter: z.array(z.string()).optional() })).default([]),
});
export type BuilderConfig = z.infer<typeof builderConfigSchema>;

const manifestSchema = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
});

export interface PackedPackage {
  name: string;
  /** Folder relative to the project root, e.g. node_modules/semver. */
  dir: string;
  bytes: number;
}

export interface PackageContents {
  packages: PackedPackage[];
  appBytes: number;
  resourceBytes: number;
  totalBytes: number;
}

export function readBuilderConfig(root: string): BuilderConfig {
  return builderConfigSchema.parse(loadYaml(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
}

export function readRuntimeDependencies(root: string): string[] {
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
  return Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
}

/** Node's lookup: the nearest node_modules/<name> walking up from the requiring package's folder. */
function resolvePackageDir(root: string, fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return null;
  }
}

/** Every package reachable from `roots` through dependencies and installed optional dependencies. */
export function productionTree(root: string, roots: readonly string[]): Array<{ name: string; dir: string }> {
  const found = new Map<string, string>();
  const visit = (fromDir: string, name: string, optional: boolean): void => {
    const dir = resolvePackageDir(root, fromDir, name);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} is required at run time but is not installed (looked from ${path.relative(root, fromDir) || '.'})`);
    }
    if (found.has(dir)) return;
    found.set(dir, name);
    const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')));
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dir, dep, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dir, dep, true);
  };
  for (const name of roots) visit(root, name, false);
  return [...found].map(([dir, name]) => ({ name, dir })).sort((a, b) => a.dir.localeCompare(b.dir));
}

/** electron-builder's glob list: later patterns win; `!` excludes. Paths are relative, with forward slashes. */
export function matchesFileSet(relative: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (path.posix.matchesGlob(relative, glob)) included = !negated;
  }
  return included;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const sizeOf = (files: readonly string[]) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

export function computePackageContents(root: string, config: BuilderConfig, runtimeDependencies: readonly string[]): PackageContents {
  // electron-builder applies the `files` exclusions to node_modules too; inclusion of the tree itself is implicit.
  const exclusions = config.files.filter((p) => p.startsWith('!'));
  const keep = (file: string) => !matchesFileSet(toPosix(path.relative(root, file)), ['**', ...exclusions]);
  const packages = productionTree(root, runtimeDependencies).map(({ name, dir }) => {
    const nested = (file: string) => path.relative(dir, file).split(path.sep).includes('node_modules');
    const files = filesUnder(dir).filter((file) => !nested(file) && !keep(file));
    return { name, dir: toPosix(path.relative(root, dir)), bytes: sizeOf(files) };
  });
  // The app's own files: only top-level entries that an include pattern names can match (node_modules is the tree).
  const topLevel = new Set(config.files.filter((p) => !p.startsWith('!')).map((p) => p.split('/')[0] as string));
  const appFiles = [...topLevel]
    .filter((entry) => entry !== 'node_modules' && fs.existsSync(path.join(root, entry)))
    .flatMap((entry) => (fs.statSync(path.join(root, entry)).isDirectory() ? filesUnder(path.join(root, entry)) : [path.join(root, entry)]))
    .map((file) => toPosix(path.relative(root, file)))
    .filter((relative) => matchesFileSet(relative, config.files));
  const appBytes = sizeOf(appFiles.map((relative) => path.join(root, relative)));
  const resourceBytes = config.extraResources.reduce((sum, resource) => {
    const from = path.join(root, resource.from);
    const files = filesUnder(from).filter((file) => !resource.filter || matchesFileSet(toPosix(path.relative(from, file)), resource.filter));
    return sum + sizeOf(files);
  }, 0);
  const packageBytes = packages.reduce((sum, p) => sum + p.bytes, 0);
  return { packages, appBytes, resourceBytes, totalBytes: packageBytes + appBytes + resourceBytes };
}

/** The packages the desktop app really loads at run time (not bundled): the SQLCipher module and the updater. */
export const ALLOWED_RUNTIME_PACKAGES = [
  'better-sqlite3',
  'node-addon-api',
  'electron-updater',
  'builder-util-runtime',
  'debug',
  'ms',
  'sax',
  'fs-extra',
  'graceful-fs',
  'jsonfile',
  'universalify',
  'js-yaml',
  'argparse',
  'lazy-val',
  'lodash.escaperegexp',
  'lodash.isequal',
  'semver',
  'tiny-typed-emitter',
] as const;

/** Installer budget before Electron itself (the app code, runtime packages and resources, unpacked). */
export const PACKAGE_BUDGET_BYTES = 60 * 1024 * 1024;

export function packageProblems(contents: PackageContents): string[] {
  const allowed = new Set<string>(ALLOWED_RUNTIME_PACKAGES);
  const problems = contents.packages.filter((p) => !allowed.has(p.name)).map((p) => `${p.name} (${p.dir}) is not on the runtime allow-list`);
  if (contents.totalBytes > PACKAGE_BUDGET_BYTES) problems.push(`${formatMb(contents.totalBytes)} exceeds the ${formatMb(PACKAGE_BUDGET_BYTES)} budget`);
  return problems;
}

export const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
