import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary directory a test run makes (data directories, synthesized assemblies,
 * s3rver stores) goes under one directory, removed when the run ends.
 */
export default function setup() {
  const root = mkdtempSync(join(tmpdir(), 'newsroom-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
