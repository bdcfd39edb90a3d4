import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLI, CliUser } from '../support/cli.js';
import { FIXTURES } from '../support/fixture-article.js';
import { call, LocalNewsroom, newDataDir, ROOT } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let other: LocalNewsroom;
const rita = new CliUser();
const scratch = mkdtempSync(join(tmpdir(), 'newsroom-cli-'));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const crlf = (s: string | Buffer) => Buffer.from(s.toString().replace(/\n/g, '\r\n'));
const save = (name: string, content: string | Buffer) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  expect((await rita.run(['login', '--local', '--user', 'rita', '--group', 'reporters'])).code).toBe(0);
});
afterAll(async () => {
  await newsroom.stop();
  await other?.stop();
});

/** A port nothing listens on: one the system just handed out and took back. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** How many articles rita has: proof that a refused command sent nothing. */
const filedSoFar = async () => (await rita.json(['list', '--mine', '--limit', '100'])).items.length as number;

describe('the three formats `file` reads, with and without BOM and CRLF', () => {
  const fixture = readFileSync(join(FIXTURES, 'tajikistan-border.txt'));
  const frontMatter =
    '---\nheadline: Talks resume\nstandfirst: Both sides meet.\ntags:\n  - talks\n  - tajikistan\n---\n\nDelegations meet on Thursday.\n';
  const markdown = '# Talks resume\n\nBoth sides meet.\n\nDelegations meet on Thursday.\n';

  it.each([
    ['plain text (the fixture)', 'page.txt', fixture],
    ['plain text with BOM and CRLF', 'page-crlf.txt', Buffer.concat([BOM, crlf(fixture)])],
  ])('%s', async (_, name, bytes) => {
    const a = await rita.json(['file', save(name, bytes)]);
    expect(a).toMatchObject({ headline: 'Border with Afghanistan – Tajikistan mobilizes 20,000 troops', status: 'draft' });
    expect(a.body).toMatch(
      /^The Central Asian Republic of Tajikistan[\s\S]*\n## Taliban promise peace plan and talks\n[\s\S]*counter-offensive\.$/,
    );
    expect(a.body).not.toContain('\r');
  });

  it.each([
    ['Markdown with front matter', 'fm.md', frontMatter, ['talks', 'tajikistan']],
    ['Markdown with front matter, BOM and CRLF', 'fm-crlf.md', Buffer.concat([BOM, crlf(frontMatter)]), ['talks', 'tajikistan']],
    ['Markdown without front matter', 'plain.md', markdown, []],
    ['Markdown without front matter, BOM and CRLF', 'plain-crlf.md', Buffer.concat([BOM, crlf(markdown)]), []],
  ])('%s', async (_, name, bytes, tags) => {
    // The same article each time: the default Idempotency-Key is the request, so the first one filed comes back.
    const a = await rita.json(['file', save(name, bytes), '--tag', 'extra']);
    expect(a).toMatchObject({
      headline: 'Talks resume',
      standfirst: 'Both sides meet.',
      body: 'Delegations meet on Thursday.',
      tags: [...tags, 'extra'],
    });
  });
});

describe('exit codes and errors', () => {
  it('2 for usage errors: unknown command or option, missing argument, bad value', async () => {
    for (const args of [
      ['bogus'],
      ['list', '--wat'],
      ['show'],
      ['list', '--limit', 'ten'],
      ['list', '--status', 'archived'],
      ['approve', 'x', '--at', 'tomorrow'],
      ['file', join(FIXTURES, 'tajikistan-border.txt'), '--tag', 'x'.repeat(51)],
    ]) {
      const r = await rita.run(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).not.toBe('');
    }
    expect((await rita.run(['list', '--limit', 'ten'])).stderr).toBe(
      'newsroom: --limit must be a whole number from 1 to 1000, not "ten".\n',
    );
  });

  it('2, naming the file and the problem, before any request: not UTF-8, too long, missing', async () => {
    const before = await filedSoFar();
    const latin1 = save('latin1.txt', Buffer.from('Headline\n\nStandfirst\n\nCaf\xe9.\n', 'latin1'));
    const r = await rita.run(['file', latin1]);
    expect(r).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `newsroom: ${latin1}: not valid UTF-8 (line 5, byte 26). Save it as UTF-8 text and try again.\n`,
    });
    const long = save('long.md', `# ${'H'.repeat(301)}\n\nStandfirst.\n\nBody.\n`);
    expect((await rita.run(['file', long])).stderr).toBe(`newsroom: ${long}: the headline is at most 300 characters (got 301).\n`);
    expect((await rita.run(['file', join(scratch, 'nope.txt')])).stderr).toBe(`newsroom: ${join(scratch, 'nope.txt')}: no such file.\n`);
    expect(await filedSoFar()).toBe(before);
  });

  it('1 when the API refuses: the problem’s title and detail on stderr, and its JSON on stdout under --json', async () => {
    const a = await rita.json(['file', save('refused.md', '# Refused\n\nBody.\n')]);
    const forbidden = await rita.run(['approve', a.id]);
    expect(forbidden).toMatchObject({ code: 1, stdout: '', stderr: 'newsroom: Forbidden: Only chief editors may approve.\n' });

    const conflict = await rita.run(['withdraw', a.id, '--json']);
    expect(conflict.code).toBe(1);
    expect(JSON.parse(conflict.stdout)).toMatchObject({ status: 409, currentStatus: 'draft' });
    expect(conflict.stderr).toMatch(/^newsroom: Conflict: .+\n {2}current status: draft\n$/);

    const missing = await rita.run(['show', '00000000-0000-4000-8000-000000000000']);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/^newsroom: Not Found/) });

    const badKey = await rita.run(['submit', a.id, '--idempotency-key', 'no spaces allowed']);
    expect(badKey.code).toBe(2);

    const tooLongComment = await rita.run(['comment', a.id, 'x'.repeat(5001)]);
    expect(tooLongComment.code).toBe(1);
    expect(tooLongComment.stderr).toMatch(/^newsroom: Bad Request: `text` is at most 5000 characters \(got 5001\)\.\n/);
  });

  it('1 for an edit that loses a race, explained in words (412: someone changed it after it was read)', async () => {
    const a = await rita.json(['file', save('race.md', '# Race\n\nThe first text.\n')]);
    const token = await newsroom.token('rita', 'reporters');
    // Between the command's fresh read and its PATCH, a colleague's edit lands: a proxy on the real HTTP path makes it so.
    const proxy = createHttpServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method === 'PATCH') {
        const seen = await call(`${newsroom.url}/articles/${a.id}`, { token });
        await call(`${newsroom.url}/articles/${a.id}`, {
          method: 'PATCH',
          token,
          body: { body: 'A colleague got there first.' },
          headers: { 'if-match': seen.headers.get('etag')! },
        });
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
      ) as Record<string, string>;
      const answer = await fetch(`${newsroom.url}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const edit = await rita.run(['edit', a.id, '--file', save('race-2.md', '# Race\n\nMy second text.\n')], { NEWSROOM_URL: url });
      expect(edit.code).toBe(1);
      expect(edit.stderr).toMatch(/^newsroom: Precondition Failed: .*\n {2}current version: 2\n/);
      expect(edit.stderr).toContain(
        `Someone changed the article after it was read here (it is now at version 2). Read it again (newsroom show ${a.id}) and run the command again if it still applies.`,
      );
    } finally {
      proxy.close();
    }
    expect((await rita.json(['show', a.id])).body).toBe('A colleague got there first.');
  });

  it('files once when the connection breaks after the newsroom filed it: the retry carries the same Idempotency-Key', async () => {
    const before = await filedSoFar();
    let cut = 0;
    // Forwards every request; the first POST /articles reaches the newsroom, but its answer is lost with the connection.
    const proxy = createHttpServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
      ) as Record<string, string>;
      const answer = await fetch(`${newsroom.url}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.arrayBuffer());
      if (req.method === 'POST' && req.url === '/articles' && cut++ === 0) return req.socket.destroy();
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(body);
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const filed = await rita.run(['file', save('cut.md', '# Filed over a bad line\n\nIt arrives once.\n')], { NEWSROOM_URL: url });
      expect(filed.code).toBe(0);
      expect(filed.stdout).toMatch(/^Already filed [0-9a-f-]{36}: draft \(version 1\)\.\n/);
      expect(cut).toBe(2);
    } finally {
      proxy.close();
    }
    expect(await filedSoFar()).toBe(before + 1);
  });

  it('says the id of a draft it filed when submitting it then fails', async () => {
    // A gateway that fails the submit (500, as API Gateway answers for a crashed function); everything else passes through.
    const proxy = createHttpServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.url?.endsWith('/submit'))
        return res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
      ) as Record<string, string>;
      const answer = await fetch(`${newsroom.url}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    let id: string;
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const filed = await rita.run(['file', save('half.md', '# Half way\n\nFiled, not submitted.\n'), '--submit'], { NEWSROOM_URL: url });
      expect(filed.code).toBe(1);
      const m = /^newsroom: Filed ([0-9a-f-]{36}) as a draft, but submitting it failed\.\nInternal Server Error\n$/.exec(filed.stderr);
      expect(m).not.toBeNull();
      id = m![1]!;
    } finally {
      proxy.close();
    }
    expect((await rita.run(['submit', id])).stdout).toMatch(new RegExp(`^Submitted ${id}: now in_review`));
  });

  it('3 without a token, with an expired or refused one, or when the newsroom cannot be reached', async () => {
    const nobody = new CliUser();
    const none = await nobody.run(['list']);
    expect(none).toMatchObject({ code: 3, stdout: '' });
    expect(none.stderr).toMatch(/^newsroom: No newsroom URL: run newsroom login/);

    const expiredToken = await newsroom.token('rita', 'reporters', 'Rita', 1);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await rita.run(['list'], { NEWSROOM_TOKEN: expiredToken });
    expect(expired.code).toBe(3);
    expect(expired.stderr).toMatch(/^newsroom: The token expired at \d{4}-.*Z\. Log in again/);
    const whoami = await rita.run(['whoami'], { NEWSROOM_TOKEN: expiredToken });
    expect(whoami.code).toBe(3);
    expect(whoami.stdout).toMatch(/The token expired at /);

    other = await new LocalNewsroom(newDataDir()).start();
    const foreign = await other.token('rita', 'reporters');
    const refused = await rita.run(['list'], { NEWSROOM_TOKEN: foreign });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /^newsroom: Unauthorized: the token signature is invalid.*\nThe newsroom refused the token: log in again/,
    );
    for (const r of [expired, refused]) expect(r.stderr).not.toContain(foreign.split('.')[2]!);

    const closed = await freePort();
    const down = await rita.run(['list'], { NEWSROOM_URL: `http://127.0.0.1:${closed}` });
    expect(down.code).toBe(3);
    expect(down.stderr).toBe(
      `newsroom: Cannot reach the newsroom at http://127.0.0.1:${closed} (ECONNREFUSED). Is it running? Locally: npm start; check the URL with newsroom whoami.\n`,
    );
  });

  it('3 when `login --local` finds no running newsroom', async () => {
    const lonely = new CliUser({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'newsroom-state-')), NEWSROOM_DATA_DIR: newDataDir() });
    const r = await lonely.run(['login', '--local', '--user', 'rita', '--group', 'reporters']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/No local newsroom is running .*start it with npm start/);
  });
});

describe('colour and help', () => {
  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const onTerminal = await rita.runOnTerminal(['list', '--mine']);
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.output).toContain('\x1b[1mID');
    expect(onTerminal.output).toMatch(/\x1b\[33mdraft\x1b\[39m/);
    const noColour = await rita.runOnTerminal(['list', '--mine'], { NO_COLOR: '1' });
    expect(noColour.output).not.toContain('\x1b[');
    expect(noColour.output).toMatch(/^ID {2}/);
  });

  it('explains itself with --help, and `npx newsroom --help` works in the repository', async () => {
    const help = await rita.run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: newsroom <command> \[options\]\n/);
    const file = await rita.run(['file', '--help']);
    expect(file.code).toBe(0);
    expect(file.stdout).toMatch(/\nExamples:\n {2}\$ newsroom file story\.md --tag tajikistan --submit\n/);
    const npx = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile('npx', ['--no-install', 'newsroom', '--help'], { cwd: ROOT, env: rita.environment() }, (err, stdout) =>
        resolve({ code: err ? 1 : 0, stdout }),
      ),
    );
    expect(npx.code).toBe(0);
    expect(npx.stdout).toMatch(/^Usage: newsroom <command> \[options\]/);
    expect(CLI).toMatch(/bin\/newsroom-cli\.js$/);
  });
});
