import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { BASELINE, INCREMENTAL_FILE, incrementalFileFor, saveBaseline, seedFromBaseline } from '../support/mutation.mjs';

const project = () => mkdtempSync(join(tmpdir(), 'mutation-baseline-'));
const report = (mutants: number) => ({
  files: { 'lambdas/a.ts': { source: 'x', mutants: Array.from({ length: mutants }, (_, id) => ({ id })) } },
});

describe('npm run test:mutation starts from the repository baseline', () => {
  it('uses the incremental file Stryker is configured with, or the one named on the command line', async () => {
    const configPath = '../../stryker.config.mjs';
    const { default: config } = (await import(configPath)) as { default: { incremental: boolean; incrementalFile: string } };
    expect(config.incremental).toBe(true);
    expect(config.incrementalFile).toBe(INCREMENTAL_FILE);
    expect(incrementalFileFor([])).toBe('reports/mutation/stryker-incremental.json');
    expect(incrementalFileFor(['--mutate', 'lambdas/domain/**/*.ts', '--force'])).toBe(INCREMENTAL_FILE);
    expect(incrementalFileFor(['--mutate', 'x', '--incrementalFile', 'mine.json'])).toBe('mine.json');
    expect(incrementalFileFor(['--incrementalFile=reports/other.json', '--force'])).toBe('reports/other.json');
  });

  it('seeds a missing incremental file from the baseline, and never overwrites one', () => {
    const root = project();
    expect(seedFromBaseline(root, INCREMENTAL_FILE)).toBe(false); // no baseline yet
    mkdirSync(join(root, 'tests/mutation'), { recursive: true });
    writeFileSync(join(root, BASELINE), gzipSync(JSON.stringify(report(3))));
    expect(seedFromBaseline(root, INCREMENTAL_FILE)).toBe(true);
    expect(JSON.parse(readFileSync(join(root, INCREMENTAL_FILE), 'utf8'))).toEqual(report(3));
    writeFileSync(join(root, INCREMENTAL_FILE), JSON.stringify(report(5)));
    expect(seedFromBaseline(root, INCREMENTAL_FILE)).toBe(false);
    expect(JSON.parse(readFileSync(join(root, INCREMENTAL_FILE), 'utf8'))).toEqual(report(5));
  });

  it('saves the latest run as the baseline, and refuses without one', () => {
    const root = project();
    expect(() => saveBaseline(root)).toThrow('reports/mutation/stryker-incremental.json is missing');
    mkdirSync(join(root, 'reports/mutation'), { recursive: true });
    writeFileSync(join(root, INCREMENTAL_FILE), JSON.stringify(report(4)));
    expect(saveBaseline(root)).toEqual({ files: 1, mutants: 4 });
    // A fresh clone's first run starts from it.
    const clone = project();
    mkdirSync(join(clone, 'tests/mutation'), { recursive: true });
    writeFileSync(join(clone, BASELINE), readFileSync(join(root, BASELINE)));
    expect(seedFromBaseline(clone, 'mine.json')).toBe(true);
    expect(JSON.parse(readFileSync(join(clone, 'mine.json'), 'utf8'))).toEqual(report(4));
  });
});
