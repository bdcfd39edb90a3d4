import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/local-newsroom.js';

describe('cli/api-types.ts, the command line’s client types', () => {
  it('is what openapi-typescript generates from the OpenAPI document today (run `npm run cli:types` when the API changes)', async () => {
    const fresh = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'cli/generate-types.ts', '--stdout'],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    expect(fresh).toContain('export interface paths {');
    expect(readFileSync(`${ROOT}cli/api-types.ts`, 'utf8')).toBe(fresh);
  });
});
