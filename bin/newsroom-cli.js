#!/usr/bin/env node
/**
 * The `newsroom` command line (cli/main.ts), with no build step. Its TypeScript is transpiled
 * by esbuild into node_modules/.cache/newsroom-cli the first time it runs and again whenever one
 * of its sources changes (sizes and mtimes are compared), which starts several times faster than
 * transpiling at every start. Where that cannot be done, tsx runs the sources as `npm start` does.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'cli', 'main.ts');
const outdir = join(root, 'node_modules', '.cache', 'newsroom-cli');
const manifestFile = join(outdir, 'sources.json');

const stamp = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

function upToDate() {
  try {
    const sources = JSON.parse(readFileSync(manifestFile, 'utf8'));
    return Object.entries(sources).every(([file, seen]) => stamp(join(root, file)) === seen);
  } catch {
    return false;
  }
}

/** Writes under a temporary name, then renames: a newsroom started alongside never reads half a file. */
function writeWhole(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

async function transpile() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(outdir, { recursive: true });
  // Chunks are named by their content; the entry and the list of sources go last.
  const files = result.outputFiles.sort((a, b) => Number(a.path.endsWith('main.js')) - Number(b.path.endsWith('main.js')));
  for (const f of files) writeWhole(f.path, f.contents);
  const sources = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, stamp(join(root, file))]));
  writeWhole(manifestFile, JSON.stringify(sources));
}

let main = join(outdir, 'main.js');
if (!upToDate()) {
  try {
    await transpile();
  } catch {
    // No esbuild, or no room to write: run the sources through tsx instead.
    const { register } = await import('tsx/esm/api');
    register();
    main = entry;
  }
}
await import(pathToFileURL(main).href);
