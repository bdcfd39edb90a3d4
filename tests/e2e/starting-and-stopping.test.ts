import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ROUTES } from '../../lambdas/http/routes.js';
import { call, LocalNewsroom, newDataDir, ROOT, STATE_HOME } from '../support/local-newsroom.js';

/**
 * What a newcomer meets around the API itself: `npm start` refusing in one line what it cannot
 * do, a request log, a banner with the base URLs, and the token, seed and reset commands finding
 * the running newsroom.
 */

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, as a newcomer would in a terminal with `env` added. */
async function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
  cwd = ROOT,
): Promise<Outcome> {
  const child = spawn(command, args, { cwd, env: { ...process.env, XDG_STATE_HOME: STATE_HOME, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(input ?? '');
  const code = await new Promise<number>((ok) => child.once('close', (c) => ok(c ?? -1)));
  return { code, stdout, stderr };
}

const npmStart = (env: Record<string, string | undefined>) => run('npm', ['start'], { PORT: '0', ...env });
/** `npm run <script>` without a data directory named, from a directory with no `.newsroom` of its own. */
const elsewhere = newDataDir();
const tsx = (script: string, args: string[], env: Record<string, string | undefined> = {}, input?: string) =>
  run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'local', script), ...args], env, input, elsewhere);

/** One line on stderr, naming what to change, with no stack trace; and a non-zero exit. */
function expectOneClearLine(outcome: Outcome, pattern: RegExp) {
  expect(outcome.code).not.toBe(0);
  expect(outcome.stderr).toMatch(/^[^\n]+\n$/);
  expect(outcome.stderr).toMatch(pattern);
  expect(outcome.stderr + outcome.stdout).not.toMatch(/\n\s+at /);
}

const portOf = (url: string) => new URL(url).port;

let newsroom: LocalNewsroom;
beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir(), {
    NEWSROOM_WEBHOOK_URLS: 'https://hook-user:hook-password@hooks.example.com/deliver?key=s3cret,http://127.0.0.1:9/other',
  }).start();
});
afterAll(() => newsroom.stop());

describe('npm start refuses what it cannot do, in one line that says what to do', () => {
  it('a second newsroom on the same data directory: "already running (pid N)"', async () => {
    const second = await npmStart({ NEWSROOM_DATA_DIR: newsroom.dataDir });
    expectOneClearLine(second, /^Newsroom is already running on this data directory \(pid \d+\): stop it first/);
    // The first one is unharmed.
    expect((await call(`${newsroom.url}/health`)).status).toBe(200);
  });

  it('takes over the lock a killed newsroom left behind', async () => {
    const dataDir = newDataDir();
    const killed = await new LocalNewsroom(dataDir).start();
    await killed.stop('SIGKILL');
    expect(readdirSync(dataDir)).toContain('newsroom.lock');
    const again = await new LocalNewsroom(dataDir).start();
    try {
      expect((await call(`${again.url}/health`)).status).toBe(200);
    } finally {
      await again.stop();
    }
    expect(readdirSync(dataDir)).not.toContain('newsroom.lock');
  });

  it('takes over a lock whose pid now belongs to another program (after a reboot, or in a new container)', async () => {
    const dataDir = newDataDir();
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'newsroom.lock'), JSON.stringify({ pid: other.pid, url: 'http://127.0.0.1:1' }));
      const started = await new LocalNewsroom(dataDir).start();
      expect((await call(`${started.url}/health`)).status).toBe(200);
      await started.stop();
    } finally {
      other.kill();
    }
  });

  it('a port in use: names PORT and how to pick another', async () => {
    const taken = await npmStart({ NEWSROOM_DATA_DIR: newDataDir(), PORT: portOf(newsroom.url) });
    expectOneClearLine(taken, new RegExp(`^PORT ${portOf(newsroom.url)} is already in use .*PORT=`));
  });

  it('a bad PORT, webhook URL, site URL or data directory: names the setting and exits non-zero', async () => {
    const file = join(newDataDir(), 'a-file');
    writeFileSync(file, 'not a directory');
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'abc' }, /^PORT must be a port number from 0 to 65535 .*not "abc"/],
      [{ PORT: '70000' }, /^PORT must be a port number/],
      [{ NEWSROOM_WEBHOOK_URLS: 'not-a-url' }, /^NEWSROOM_WEBHOOK_URLS: entry 1 of 1 is not an http\(s\) URL: give/],
      [{ NEWSROOM_LOG: 'loud' }, /^NEWSROOM_LOG must be "requests" .* or "quiet", not "loud"/],
      [
        { NEWSROOM_SITE_URL: 'news.example.com' },
        /^NEWSROOM_SITE_URL must be an http\(s\) URL such as https:\/\/news.example.com, not "news.example.com"/,
      ],
      [
        { NEWSROOM_DATA_DIR: join(file, 'data') },
        /^NEWSROOM_DATA_DIR: cannot keep the newsroom's data in .*a-file\/data .*set NEWSROOM_DATA_DIR to a directory you can write/,
      ],
      [{ NEWSROOM_DATA_DIR: file }, /^NEWSROOM_DATA_DIR: cannot keep the newsroom's data in .*a-file /],
    ];
    const outcomes = await Promise.all(cases.map(([env]) => npmStart({ NEWSROOM_DATA_DIR: newDataDir(), ...env })));
    outcomes.forEach((outcome, i) => expectOneClearLine(outcome, cases[i]![1]));
  });
});

describe('the banner and the request log', () => {
  it('lists the base URLs it serves and the webhook targets by origin only', async () => {
    const banner = newsroom.output.slice(0, newsroom.output.indexOf('requests:'));
    expect(banner).toContain(`api:      ${newsroom.url}`);
    expect(banner).toMatch(/webhooks: https:\/\/hooks\.example\.com, http:\/\/127\.0\.0\.1:9\n/);
    expect(banner).not.toMatch(/hook-user|hook-password|deliver|s3cret|\/other/);
    // API documentation is listed exactly when the gateway routes it.
    for (const [label, path] of [
      ['docs', '/docs'],
      ['openapi', '/openapi.json'],
    ]) {
      const routed = ROUTES.some((r) => r.method === 'GET' && r.path === path);
      expect(banner.includes(`${label}:`.padEnd(10) + `${newsroom.url}${path}`)).toBe(routed);
      if (routed) expect((await fetch(`${newsroom.url}${path}`)).status).not.toBe(404);
    }
  });

  it('prints one line per request: method, path without the query, status, milliseconds, caller; never a token or body', async () => {
    const token = await newsroom.token('logged-reporter', 'reporters');
    const before = newsroom.output.length;
    const created = await call(`${newsroom.url}/articles`, { token, body: { headline: 'Logged', body: 'SECRET-BODY-TEXT' } });
    await call(`${newsroom.url}/articles?status=draft&author=QUERY-SECRET`, { token });
    await call(`${newsroom.url}/articles`, { headers: { authorization: 'Bearer not.a.jwt' } });
    await new Promise((r) => setTimeout(r, 200));
    // Request lines, among whatever the workers log meanwhile (deliveries to the unreachable targets).
    const lines = newsroom.output
      .slice(before)
      .split('\n')
      .filter((l) => /^\d\d:\d\d:\d\d\.\d{3} /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} POST \/articles 201 \d+ ms logged-reporter$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} GET \/articles 200 \d+ ms logged-reporter$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} GET \/articles 401 \d+ ms - {2}\(the token is malformed\)$/),
    ]);
    expect(created.status).toBe(201);
    const output = newsroom.output.slice(before);
    for (const secret of ['SECRET-BODY-TEXT', 'QUERY-SECRET', token, 'not.a.jwt']) expect(output).not.toContain(secret);
  });

  it('NEWSROOM_LOG=quiet prints no request lines', async () => {
    const quiet = await new LocalNewsroom(newDataDir(), { NEWSROOM_LOG: 'quiet' }).start();
    try {
      expect((await call(`${quiet.url}/health`)).status).toBe(200);
      expect((await call(`${quiet.url}/articles`)).status).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(quiet.output).toContain('requests: not logged');
      expect(quiet.output).not.toMatch(/GET \/(health|articles)/);
    } finally {
      await quiet.stop();
    }
  });
});

describe('a local 401 says why, in the body as well as in www-authenticate', () => {
  it('missing, malformed, expired, or signed by another key', async () => {
    const expired = await newsroom.token('rita', 'reporters', undefined, 1);
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    expect((await exportJWK(publicKey)).kty).toBe('EC');
    const otherKey = await new SignJWT({ 'cognito:groups': ['reporters'], token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('rita')
      .setIssuer('newsroom-local')
      .setAudience('newsroom')
      .setExpirationTime('1h')
      .sign(privateKey);
    await new Promise((r) => setTimeout(r, 1_100));
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /^no token was sent: add -H "Authorization: Bearer \$TOKEN", with a token from npm run token$/],
      [{ authorization: 'Bearer not.a.jwt' }, /^the token is malformed: /],
      [{ authorization: `Bearer ${expired}` }, /^the token has expired: mint a new one with npm run token/],
      [{ authorization: `Bearer ${otherKey}` }, /^the token signature is invalid: it was signed by another key .*NEWSROOM_DATA_DIR/],
    ];
    for (const [headers, reason] of cases) {
      const res = await call(`${newsroom.url}/articles`, { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Unauthorized', reason: expect.stringMatching(reason) });
    }
  });
});

describe('npm run token finds the running newsroom', () => {
  it('signs for the one newsroom running, whatever its data directory, and says which', async () => {
    const minted = await tsx('token-cli.ts', ['--user', 'finder', '--group', 'reporters'], { NEWSROOM_DATA_DIR: undefined });
    expect(minted.code).toBe(0);
    expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(minted.stderr).toBe(`npm run token: for the newsroom running at ${newsroom.url} (data directory ${newsroom.dataDir})\n`);
    expect((await call(`${newsroom.url}/articles`, { token: minted.stdout.trim() })).status).toBe(200);
  });

  it('with two running and none named, lists both and mints nothing', async () => {
    const other = await new LocalNewsroom(newDataDir()).start();
    try {
      const refused = await tsx('token-cli.ts', ['--user', 'finder', '--group', 'reporters'], { NEWSROOM_DATA_DIR: undefined });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^2 newsrooms are running; say which one with NEWSROOM_DATA_DIR=<dir>/);
      for (const n of [newsroom, other]) expect(refused.stderr).toContain(`${n.url}  NEWSROOM_DATA_DIR=${n.dataDir}`);
      const named = await tsx('token-cli.ts', ['--user', 'finder', '--group', 'reporters', '--data-dir', other.dataDir]);
      expect(named.stderr).toBe('');
      expect((await call(`${other.url}/articles`, { token: named.stdout.trim() })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  it('--help explains every option', async () => {
    const help = await run('npm', ['run', '-s', 'token', '--', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--user', '--group', '--name', '--ttl', '--data-dir', 'reporters, editors, chief-editors', '604800'])
      expect(help.stdout).toContain(option);
  });
});

describe('npm run seed and npm run reset', () => {
  it('seed loads an article in every status, the fixture article among them, through the API', async () => {
    const seeded = await run('npm', ['run', '-s', 'seed'], { NEWSROOM_DATA_DIR: newsroom.dataDir });
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    const ids = Object.fromEntries(
      [...seeded.stdout.matchAll(/^ {2}(\S+(?: \S+)*?) +([0-9a-f-]{36}) {2}/gm)].map((m) => [m[1]!.split(' ')[0], m[2]!]),
    );
    expect(Object.keys(ids).sort()).toEqual(['changes', 'draft', 'in', 'published', 'scheduled']);
    const chief = await newsroom.token('seed-reader', 'chief-editors');
    const read = async (id: string) => (await call(`${newsroom.url}/articles/${id}`, { token: chief })).body;
    expect(await read(ids.draft!)).toMatchObject({ status: 'draft', version: 1 });
    expect(await read(ids.in!)).toMatchObject({ status: 'in_review' });
    expect(await read(ids.changes!)).toMatchObject({ status: 'draft', version: 3 });
    const scheduled = await read(ids.scheduled!);
    expect(scheduled.status).toBe('scheduled');
    expect(Date.parse(scheduled.publishAt)).toBeGreaterThan(Date.now());
    expect(await read(ids.published!)).toMatchObject({
      status: 'published',
      headline: 'Border with Afghanistan – Tajikistan mobilizes 20,000 troops',
      authorId: 'kjones',
    });
    // The request log shows the seed's calls.
    expect(newsroom.output).toContain(`POST /articles/${ids.changes}/request-changes 200`);
  });

  it('seed with no newsroom running says to start one', async () => {
    const seeded = await run('npm', ['run', '-s', 'seed'], { NEWSROOM_DATA_DIR: newDataDir() });
    expect(seeded.code).not.toBe(0);
    expect(seeded.stderr).toMatch(/^npm run seed: No newsroom is running on .*: start it with npm start/);
  });

  it('reset refuses while a newsroom runs on the data directory, asks before emptying it, and takes --yes', async () => {
    const running = await run('npm', ['run', '-s', 'reset', '--', '--yes'], { NEWSROOM_DATA_DIR: newsroom.dataDir });
    expect(running.code).not.toBe(0);
    expect(running.stderr).toMatch(/^npm run reset: A newsroom is running on .* \(pid \d+\): stop it first/);
    expect(existsSync(join(newsroom.dataDir, 'dynamodb'))).toBe(true);

    const dataDir = newDataDir();
    const used = await new LocalNewsroom(dataDir).start();
    await used.stop();
    const declined = await run('npm', ['run', '-s', 'reset'], { NEWSROOM_DATA_DIR: dataDir }, 'n\n');
    expect(declined.stderr).toContain(
      `Delete every article, file and the signing key in ${dataDir}? Tokens minted for it stop working. [y/N]`,
    );
    expect(declined.stdout).toBe('Nothing deleted.\n');
    expect(readdirSync(dataDir).sort()).toEqual(['dynamodb', 's3', 'signing-key.json']);

    const agreed = await run('npm', ['run', '-s', 'reset'], { NEWSROOM_DATA_DIR: dataDir }, 'y\n');
    expect(agreed.code).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);

    const again = await new LocalNewsroom(dataDir).start();
    await again.stop();
    expect((await run('npm', ['run', '-s', 'reset', '--', '--yes'], { NEWSROOM_DATA_DIR: dataDir })).code).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('reset empties nothing that does not look like a newsroom data directory', async () => {
    const notOurs = newDataDir();
    mkdirSync(join(notOurs, 'photos'));
    const refused = await run('npm', ['run', '-s', 'reset', '--', '--yes'], { NEWSROOM_DATA_DIR: notOurs });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/does not look like a newsroom data directory/);
    expect(readdirSync(notOurs)).toEqual(['photos']);
  });
});
