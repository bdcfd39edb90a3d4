import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the run's temporary directory made by the global setup (same process, same env),
 * all but its `artifacts` (screenshots a test keeps for people to look at), whose path it prints.
 */
export default function teardown(): void {
  const root = process.env.NEWSROOM_TEST_ROOT;
  if (!root) return;
  restoreTmpdir();
  const artifacts = join(root, 'artifacts');
  if (!existsSync(artifacts)) return rmSync(root, { recursive: true, force: true });
  for (const entry of readdirSync(root)) if (entry !== 'artifacts') rmSync(join(root, entry), { recursive: true, force: true });
  process.stdout.write(`\nKept from this run: ${artifacts}\n`);
}

function restoreTmpdir(): void {
  const outer = process.env.NEWSROOM_TEST_OUTER_TMPDIR;
  if (outer) process.env.TMPDIR = outer;
  else delete process.env.TMPDIR;
  delete process.env.NEWSROOM_TEST_ROOT;
}
