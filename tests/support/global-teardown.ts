import { rmSync } from 'node:fs';

/** Removes the run's temporary directory made by the global setup (same process, same env). */
export default function teardown(): void {
  const root = process.env.NEWSROOM_TEST_ROOT;
  if (root) rmSync(root, { recursive: true, force: true });
}
