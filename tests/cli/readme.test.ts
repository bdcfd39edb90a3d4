import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CLI, CliUser } from '../support/cli.js';
import { call, LocalNewsroom, newDataDir, ROOT } from '../support/local-newsroom.js';

/** The shell blocks of the README's "From the command line" section, in order. */
function blocks(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## From the command line');
  expect(start).toBeGreaterThan(-1);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe('the README’s command-line walkthrough, pasted in order', () => {
  it('works against a freshly started newsroom, with newsroom on the PATH as npm link puts it', async () => {
    const pasted = blocks();
    expect(pasted.length).toBeGreaterThanOrEqual(6);
    expect(pasted[0]).toMatch(/^npm link\n/);
    // `npm link` links this package's bin into the global prefix; here a directory on PATH stands in for it.
    const bin = mkdtempSync(join(tmpdir(), 'newsroom-bin-'));
    symlinkSync(CLI, join(bin, 'newsroom'));
    const user = new CliUser();
    const fresh = await new LocalNewsroom(newDataDir()).start();
    const before = readdirSync(ROOT).sort();
    try {
      const script = [
        'set -eo pipefail',
        ...pasted.map((block, i) => `${block.replace(/^npm link\n/, '')}\necho "::block ${i} done::"`),
        'echo "::ids $ID $ID2::"',
      ].join('\n');
      const child = spawn('bash', ['-c', script], {
        cwd: ROOT,
        env: { ...user.environment(), PATH: `${bin}:${process.env.PATH}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((ok) => child.once('close', ok));
      expect({ code, out }).toMatchObject({ code: 0 });
      pasted.forEach((_, i) => expect(out).toContain(`::block ${i} done::`));
      // The only refusal is the one the README announces: the reporter's attempt to approve.
      expect(out).toContain('refused, exit 1');
      expect(err).toContain('newsroom: Forbidden: Only chief editors may approve.');
      expect(err.match(/^newsroom: /gm)).toHaveLength(1);
      expect(out).toMatch(/^pixel\.png is ready: image\/png, 1×1, 67 bytes/m);

      const [, id, id2] = /::ids (\S+) (\S+)::/.exec(out)!;
      // Filed once: the second `file` (for its id) got the same article back.
      expect(out).toContain(`Filed and submitted ${id}: in_review (version 2).`);
      const chief = await fresh.token('readme-check', 'chief-editors');
      const published = await call(`${fresh.url}/articles/${id}`, { token: chief });
      expect(published.body).toMatchObject({ status: 'published', approvedBy: 'carla', tags: ['tajikistan'] });
      const media = await call(`${fresh.url}/articles/${id}/media`, { token: chief });
      expect(media.body.items).toEqual([expect.objectContaining({ status: 'ready', width: 1, height: 1, caption: 'The border post' })]);
      const scheduled = await call(`${fresh.url}/articles/${id2}`, { token: chief });
      expect(scheduled.body).toMatchObject({ status: 'scheduled', headline: 'Border talks resume', tags: ['tajikistan'] });
      const all = await call(`${fresh.url}/articles?limit=100`, { token: chief });
      expect(all.body.items).toHaveLength(2);
    } finally {
      await fresh.stop();
    }
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });
});
