import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFixture } from '../support/fixture-article.js';
import { call, eventually, LocalNewsroom, newDataDir, ROOT, STATE_HOME } from '../support/local-newsroom.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const run = promisify(execFile);
const SECRET = 'shared-webhook-secret';

let receiver: WebhookReceiver;
let newsroom: LocalNewsroom;

beforeAll(async () => {
  receiver = await new WebhookReceiver(SECRET).start();
  newsroom = await new LocalNewsroom(newDataDir(), {
    NEWSROOM_WEBHOOK_URLS: receiver.url,
    NEWSROOM_WEBHOOK_SECRET: SECRET,
  }).start();
});
afterAll(async () => {
  await newsroom.stop();
  await receiver.stop();
});

describe('a newcomer’s first story, from draft to publication', () => {
  it('answers health checks without a token', async () => {
    const res = await call(`${newsroom.url}/health`);
    expect(res.status).toBe(200);
  });

  it('npm run token prints a signed JWT and nothing else', async () => {
    const { stdout } = await run(
      'npm',
      ['run', '-s', 'token', '--', '--user', 'kjones', '--group', 'reporters', '--name', 'Killian Jones'],
      {
        cwd: ROOT,
        env: { ...process.env, NEWSROOM_DATA_DIR: newsroom.dataDir },
      },
    );
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const me = await call(`${newsroom.url}/articles`, { token: stdout.trim() });
    expect(me.status).toBe(200);
    await expect(
      run('npm', ['run', '-s', 'token', '--', '--user', 'x', '--group', 'admins'], {
        cwd: ROOT,
        env: { ...process.env, NEWSROOM_DATA_DIR: newsroom.dataDir },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('unknown group') });
  });

  it('carries the real Tajikistan story through review to publication, notifying subscribers', async () => {
    const filed = readFixture('tajikistan-border.txt');
    expect(filed.headline).toBe('Border with Afghanistan – Tajikistan mobilizes 20,000 troops');
    expect(filed.standfirst).toMatch(/^The Taliban are offering peace talks/);
    expect(filed.body).toMatch(/counter-offensive\.$/);

    const reporter = await newsroom.token('kjones', 'reporters', filed.author);
    const rival = await newsroom.token('rival', 'reporters', 'Rival Reporter');
    const editor = await newsroom.token('eddie', 'editors', 'Eddie Editor');
    const chief = await newsroom.token('carla', 'chief-editors', 'Carla Chief');
    const api = newsroom.url;

    // The reporter files the draft.
    const created = await call(`${api}/articles`, {
      token: reporter,
      body: { headline: filed.headline, standfirst: filed.standfirst, body: filed.body, tags: ['tajikistan', 'afghanistan'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/articles/${created.body.id}`);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      authorId: 'kjones',
      authorName: 'Killian Jones',
      body: filed.body,
      allowedActions: ['edit', 'submit', 'spike'],
    });
    const id = created.body.id as string;
    const url = `${api}/articles/${id}`;

    // Nobody else at the reporters' desk can see it.
    expect((await call(url, { token: rival })).status).toBe(404);

    // The reporter tightens the standfirst, then submits.
    const edited = await call(url, {
      method: 'PATCH',
      token: reporter,
      body: { standfirst: 'Tajikistan reacts.' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    expect((await call(`${url}/submit`, { method: 'POST', token: reporter })).body).toMatchObject({
      status: 'in_review',
      allowedActions: ['withdraw'],
    });

    // The reporter may not approve their own story; the editor sends it back.
    const selfApproval = await call(`${url}/approve`, { token: reporter, body: {} });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.headers.get('content-type')).toBe('application/problem+json');
    const sentBack = await call(`${url}/request-changes`, { token: editor, body: { comment: 'Attribute the 20,000 figure.' } });
    expect(sentBack.body).toMatchObject({ status: 'draft', version: 4 });

    // The reporter fixes it and resubmits; the chief editor approves.
    const fixedBody = `${filed.body}\n\nThe figure of 20,000 was given by the presidential press office.`;
    expect((await call(url, { method: 'PATCH', token: reporter, body: { body: fixedBody }, headers: { 'if-match': '"4"' } })).status).toBe(
      200,
    );
    expect((await call(`${url}/submit`, { method: 'POST', token: reporter, headers: { 'if-match': '"5"' } })).status).toBe(200);
    const approvedAt = Date.now();
    // The chief approves exactly the version they read: the ETag of a fresh GET goes in If-Match.
    const read = await call(url, { token: chief });
    expect(read.headers.get('etag')).toBe('"6"');
    const approved = await call(`${url}/approve`, { token: chief, body: {}, headers: { 'if-match': read.headers.get('etag')! } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', version: 7, approvedBy: 'carla', body: fixedBody });
    expect(approved.body.publishedAt).toEqual(expect.any(String));

    // Subscribers hear of the approval within a second, signed and in order.
    const events = await eventually(
      () => (receiver.of(id).some((r) => r.type === 'ArticlePublished') ? receiver.of(id) : undefined),
      5_000,
    );
    const approval = events.find((r) => r.type === 'ArticleApproved')!;
    expect(approval.at - approvedAt).toBeLessThan(1_000);
    expect(events.every((r) => r.signatureValid)).toBe(true);
    expect(approval.id).toBe(`${id}:7:ArticleApproved`);
    expect(approval.event).toMatchObject({
      id: `${id}:7:ArticleApproved`,
      type: 'ArticleApproved',
      articleId: id,
      version: 7,
      actor: { id: 'carla', name: 'Carla Chief' },
      article: { headline: filed.headline, authorId: 'kjones', status: 'published', publishAt: null },
    });
    expect(events.map((r) => r.type)).toEqual([
      'ArticleCreated',
      'ArticleEdited',
      'ArticleSubmitted',
      'ChangesRequested',
      'ArticleEdited',
      'ArticleSubmitted',
      'ArticleApproved',
      'ArticlePublished',
    ]);

    // Everyone can read it now, and its history tells the story.
    expect((await call(url, { token: rival })).body).toMatchObject({ status: 'published', allowedActions: [] });
    const history = await call(`${url}/history`, { token: reporter });
    expect(history.body.items.map((h: any) => [h.version, h.type, h.from, h.to, h.actor.id])).toEqual([
      [1, 'ArticleCreated', 'draft', 'draft', 'kjones'],
      [2, 'ArticleEdited', 'draft', 'draft', 'kjones'],
      [3, 'ArticleSubmitted', 'draft', 'in_review', 'kjones'],
      [4, 'ChangesRequested', 'in_review', 'draft', 'eddie'],
      [5, 'ArticleEdited', 'draft', 'draft', 'kjones'],
      [6, 'ArticleSubmitted', 'draft', 'in_review', 'kjones'],
      [7, 'ArticleApproved', 'in_review', 'published', 'carla'],
      [7, 'ArticlePublished', 'in_review', 'published', 'carla'],
    ]);
    expect(history.body.items[3].comment).toBe('Attribute the 20,000 figure.');
    expect(history.body.items[4]).toMatchObject({ revision: 3, fields: ['body'] });

    // The published story is on the public list; the rival’s desk shows it too.
    const published = await call(`${api}/articles?status=published`, { token: rival });
    expect(published.body.items.map((a: any) => a.id)).toContain(id);
    expect(published.body.items[0]).not.toHaveProperty('body');
  });

  it('lists the review queue for editors, newest first, a page at a time', async () => {
    const reporter = await newsroom.token('queue-reporter', 'reporters');
    const editor = await newsroom.token('queue-editor', 'editors');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await call(`${newsroom.url}/articles`, { token: reporter, body: { headline: `Queue ${i}`, body: 'Copy.' } });
      await call(`${newsroom.url}/articles/${a.body.id}/submit`, { method: 'POST', token: reporter });
      ids.unshift(a.body.id);
    }
    const first = await call(`${newsroom.url}/articles?status=in_review&limit=3`, { token: editor });
    expect(first.status).toBe(200);
    const second = await call(`${newsroom.url}/articles?status=in_review&limit=3&cursor=${first.body.nextCursor}`, { token: editor });
    const listed = [...first.body.items, ...second.body.items].map((a: any) => a.id);
    expect(listed.slice(0, 5)).toEqual(ids);
  });
});

/** The shell blocks of the README's walkthrough, in order. */
function walkthroughBlocks(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Five minutes with the local newsroom');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe('the README walkthrough, pasted in order', () => {
  it('works against a freshly started newsroom, every block, leaving nothing in the repository', async () => {
    const blocks = walkthroughBlocks();
    // The blocks that start a newsroom are the ones this test did itself.
    const starts = blocks.filter((b) => /\bnpm start\b/.test(b));
    expect(starts).toHaveLength(2);
    const pasted = blocks.filter((b) => !starts.includes(b));
    expect(pasted.length).toBeGreaterThanOrEqual(10);

    const fresh = await new LocalNewsroom(newDataDir()).start();
    const before = readdirSync(ROOT).sort();
    try {
      // Each block in the same shell, as pasted into one terminal; a command that fails stops it.
      const script = [
        'set -eo pipefail',
        ...pasted.map((block, i) => `${block.replaceAll('http://localhost:3000', fresh.url)}\necho "::block ${i} done::"`),
        'echo "::ids $ID $ID2::"',
      ].join('\n');
      const child = spawn('bash', ['-c', script], {
        cwd: ROOT,
        env: { ...process.env, NEWSROOM_DATA_DIR: fresh.dataDir, XDG_STATE_HOME: STATE_HOME },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((ok) => child.once('close', ok));
      expect({ code, err: err.replace(/^npm run token: .*\n/gm, '') }).toEqual({ code: 0, err: '' });
      pasted.forEach((_, i) => expect(out).toContain(`::block ${i} done::`));

      // The only refusal is the one the README announces: the reporter's attempt to approve.
      const refusals = [...out.matchAll(/"status":\s*([45]\d\d)/g)].map((m) => Number(m[1]));
      expect(refusals).toEqual([403]);
      expect(out).toMatch(/^204$/m);

      const [, id, id2] = /::ids (\S+) (\S+)::/.exec(out)!;
      const chief = await fresh.token('readme-check', 'chief-editors');
      const published = await call(`${fresh.url}/articles/${id}`, { token: chief });
      expect(published.body).toMatchObject({ status: 'published', approvedBy: 'carla' });
      const media = await call(`${fresh.url}/articles/${id}/media`, { token: chief });
      expect(media.body.items).toEqual([expect.objectContaining({ status: 'ready', width: 1, height: 1, caption: 'The border post' })]);
      const scheduled = await call(`${fresh.url}/articles/${id2}`, { token: chief });
      expect(scheduled.body.status).toBe('scheduled');
      const inAnHour = Date.parse(scheduled.body.publishAt) - Date.now();
      expect(inAnHour).toBeGreaterThan(50 * 60_000);
      expect(inAnHour).toBeLessThanOrEqual(3600_000);
    } finally {
      await fresh.stop();
    }
    // Scratch files went to a temporary directory.
    expect(readdirSync(ROOT).sort()).toEqual(before);
  });
});
