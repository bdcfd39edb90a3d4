/**
 * `npm run test:mutation [-- <stryker options>]`: StrykerJS (stryker.config.mjs), incremental.
 * A whole run from nothing takes well over an hour on 2 cores; an incremental run retests only the
 * mutants whose code or covering tests changed since the run its file records. The repository
 * carries that file from the last whole run (tests/mutation/incremental.json.gz), so a fresh
 * clone's first run is incremental too: it starts from that baseline when it has no file of its own.
 *
 * `npm run test:mutation:baseline` stores this machine's latest file as the baseline. `--force`
 * retests everything. A run restricted with `--mutate` writes the same file: Stryker carries the
 * earlier results of files outside the run's scope over into it unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

export const BASELINE = 'tests/mutation/incremental.json.gz';
export const INCREMENTAL_FILE = 'reports/mutation/stryker-incremental.json';

/** The incremental file a run with these Stryker options reads and writes. */
export function incrementalFileFor(args) {
  const named = args.indexOf('--incrementalFile');
  if (named >= 0 && args[named + 1]) return args[named + 1];
  const joined = args.find((a) => a.startsWith('--incrementalFile='));
  return joined ? joined.slice('--incrementalFile='.length) : INCREMENTAL_FILE;
}

/** Starts `file` from the baseline when there is none yet; says whether it did. */
export function seedFromBaseline(root, file) {
  const target = join(root, file);
  const baseline = join(root, BASELINE);
  if (existsSync(target) || !existsSync(baseline)) return false;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, gunzipSync(readFileSync(baseline)));
  return true;
}

/** Stores the latest run's file as the baseline; refuses when there has been no run. */
export function saveBaseline(root) {
  const source = join(root, INCREMENTAL_FILE);
  if (!existsSync(source)) throw new Error(`${INCREMENTAL_FILE} is missing: run npm run test:mutation first`);
  const report = JSON.parse(readFileSync(source, 'utf8'));
  const mutants = Object.values(report.files).reduce((n, f) => n + f.mutants.length, 0);
  mkdirSync(dirname(join(root, BASELINE)), { recursive: true });
  writeFileSync(join(root, BASELINE), gzipSync(JSON.stringify(report), { level: 9 }));
  return { files: Object.keys(report.files).length, mutants };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = new URL('../../', import.meta.url).pathname;
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'save-baseline') {
    const { files, mutants } = saveBaseline(root);
    console.log(`${BASELINE}: ${mutants} mutants in ${files} files`);
  } else {
    const args = [command, ...rest].filter((a) => a !== undefined);
    const file = incrementalFileFor(args);
    if (seedFromBaseline(root, file)) console.log(`Starting from the repository's baseline (${BASELINE}) in ${file}`);
    const result = spawnSync(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...args], {
      cwd: root,
      stdio: 'inherit',
    });
    process.exitCode = result.status ?? 1;
  }
}
