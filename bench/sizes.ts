import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/newsroom-function.js';
import { bundle, FUNCTIONS_UNDER_TEST } from './bundles.js';

/**
 * `npm run bench:sizes`: the bundle-size budget alone (each function ≤ 1.15× its bare bundle),
 * in seconds, for checking a change to an API function before the full `npm run bench`.
 */
const dir = mkdtempSync(join(tmpdir(), 'newsroom-sizes-'));
let missed = 0;
for (const fn of FUNCTIONS_UNDER_TEST) {
  writeFileSync(join(dir, `${fn.name}.bare.mjs`), fn.bare);
  const ours = await bundle(join(PROJECT_ROOT, fn.entry), join(dir, `${fn.name}.mjs`));
  const bare = await bundle(join(dir, `${fn.name}.bare.mjs`), join(dir, `${fn.name}.bare.out.mjs`));
  const ratio = ours / bare;
  const room = 1.15 * bare - ours;
  if (ratio > 1.15) missed++;
  console.log(
    `${fn.name.padEnd(21)} ${(ours / 1024).toFixed(1).padStart(6)} KB  ${ratio.toFixed(4)}×  room ${(room / 1024).toFixed(1).padStart(5)} KB  ${ratio <= 1.15 ? 'met' : 'MISSED'}`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.exitCode = missed ? 1 : 0;
