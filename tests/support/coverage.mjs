/**
 * `npm run test:coverage`: line and branch coverage of lambdas/, local/ and lib/ from the whole
 * suite. Jest's V8 coverage sees the code its workers load; the local newsroom that end-to-end
 * tests start runs in child processes, so those write raw V8 coverage (NODE_V8_COVERAGE) that c8
 * maps back through tsx's source maps. The two reports are merged by source location and held
 * to the floor below: a change that drops tests (or the code they reach) fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const libCoverage = require('istanbul-lib-coverage');
const libReport = require('istanbul-lib-report');
const reports = require('istanbul-reports');

/** A little below the figures of the suite when the floor was set (see the README's Tests section). */
export const FLOOR = { lines: 92, branches: 87 };

const root = new URL('../../', import.meta.url).pathname;
const out = join(root, 'coverage');
const children = join(out, 'children-raw');
rmSync(out, { recursive: true, force: true });
mkdirSync(children, { recursive: true });

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

const jestStatus = run(process.execPath, ['node_modules/jest/bin/jest.js', '--coverage', ...process.argv.slice(2)], {
  NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
  NEWSROOM_CHILD_COVERAGE: children,
});

const include = ['lambdas/**/*.ts', 'local/**/*.ts', 'lib/**/*.ts'];
const c8Status = run(process.execPath, [
  'node_modules/c8/bin/c8.js',
  'report',
  '--temp-directory',
  children,
  '--report-dir',
  join(out, 'children'),
  '--reporter',
  'json',
  '--exclude-after-remap',
  ...include.flatMap((glob) => ['--include', glob]),
  '--exclude',
  '**/*.d.ts',
]);

const map = libCoverage.createCoverageMap({});
for (const file of [join(out, 'coverage-final.json'), join(out, 'children', 'coverage-final.json')]) {
  try {
    map.merge(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}
const context = libReport.createContext({ dir: out, coverageMap: map, defaultSummarizer: 'nested' });
for (const name of ['text-summary', 'json-summary']) reports.create(name).execute(context);

const total = map.getCoverageSummary().toJSON();
const byFolder = {};
for (const folder of ['lambdas', 'local', 'lib']) {
  const summary = libCoverage.createCoverageSummary();
  for (const file of map.files()) if (file.startsWith(join(root, folder, '/'))) summary.merge(map.fileCoverageFor(file).toSummary());
  byFolder[folder] = { lines: summary.lines.pct, branches: summary.branches.pct };
}
console.log('\nfolder    lines    branches');
for (const [folder, pct] of Object.entries(byFolder)) console.log(`${folder.padEnd(9)} ${`${pct.lines}%`.padEnd(8)} ${pct.branches}%`);
writeFileSync(join(out, 'floor.json'), JSON.stringify({ floor: FLOOR, total, byFolder }, null, 2));
const below = Object.entries(FLOOR).filter(([key, floor]) => total[key].pct < floor);
for (const [key, floor] of below) console.error(`coverage: ${key} ${total[key].pct}% is below the floor of ${floor}%`);
process.exit(jestStatus || c8Status || (below.length ? 1 : 0));
