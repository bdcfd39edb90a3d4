import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary directory a test run makes (data directories, synthesized assemblies,
 * s3rver stores) goes under one directory, removed by the global teardown when the run ends.
 * Test workers start after this and inherit TMPDIR. A process that runs Jest again (a mutation
 * run does, once per mutant) gets its own TMPDIR back from the teardown.
 */
export default function setup(): void {
  process.env.NEWSROOM_TEST_OUTER_TMPDIR = process.env.TMPDIR ?? '';
  const root = mkdtempSync(join(tmpdir(), 'newsroom-tests-'));
  process.env.NEWSROOM_TEST_ROOT = root;
  process.env.TMPDIR = root;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
