import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { OPERATIONS } from '../../lib/openapi/operations.js';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';
import { ROOT } from '../support/local-newsroom.js';

let file: string;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));
});

/** Runs a package's command line with this Node, offline; resolves with its exit code and output. */
function run(bin: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'node_modules', bin), ...args],
      {
        cwd: ROOT,
        timeout: 60_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the OpenAPI document, as tools read it', () => {
  it("passes Redocly's recommended rules (redocly.yaml) with no error and no warning", async () => {
    const lint = await run('@redocly/cli/bin/cli.js', ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=json']);
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.code).toBe(0);
  });

  it('becomes TypeScript types with openapi-typescript, without a warning, that compile and name every operation', async () => {
    const out = join(dir, 'newsroom-api.d.ts');
    const gen = await run('openapi-typescript/bin/cli.js', [file, '-o', out]);
    expect(gen.code).toBe(0);
    expect(gen.stderr.split('\n').filter((l) => /warn|⚠/i.test(l))).toEqual([]);
    const types = readFileSync(out, 'utf8');
    for (const { operationId } of Object.values(OPERATIONS)) expect(types).toContain(`    ${operationId}: {`);
    const program = ts.createProgram([out], { noEmit: true, strict: true, skipLibCheck: false, types: [], lib: ['lib.es2022.d.ts'] });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});
