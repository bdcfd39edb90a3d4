import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let reporter: string;
let rival: string;
let editor: string;
let chief: string;
let api: string;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir(), { NEWSROOM_CORS_ORIGINS: 'http://desk.localhost:5173' }).start();
  api = newsroom.url;
  [reporter, rival, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('omar', 'reporters'),
    newsroom.token('eddie', 'editors'),
    newsroom.token('carla', 'chief-editors'),
  ]);
});
afterAll(() => newsroom.stop());

const draft = async (token = reporter) =>
  (await call(`${api}/articles`, { token, body: { headline: 'Contract', body: 'Copy.' } })).body as { id: string };

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
}

/** What API Gateway answers itself, before any handler: plain JSON with a message. */
function expectGatewayAnswer(res: { status: number; headers: Headers; body: any }, status: number, message: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  // Locally a 401 also says why the token was refused, and what to do.
  expect(res.body).toEqual(status === 401 ? { message, reason: expect.any(String) } : { message });
}

describe('authentication', () => {
  it('refuses a missing, malformed, forged or expired token with 401', async () => {
    const expired = await newsroom.token('rita', 'reporters', undefined, 1);
    await new Promise((r) => setTimeout(r, 1_100));
    const forged = await new SignJWT({ 'cognito:groups': ['chief-editors'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('newsroom-local')
      .setAudience('newsroom')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-newsroom-key-not-the-newsroom-key'));
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Basic abc' },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${expired}` },
    ];
    for (const headers of variants) {
      expectGatewayAnswer(await call(`${api}/articles`, { headers }), 401, 'Unauthorized');
    }
  });
});

describe('errors, in the order the contract gives', () => {
  it('415 for a body that is not JSON, 413 for one over 2 MiB', async () => {
    expectProblem(
      await call(`${api}/articles`, {
        token: reporter,
        raw: 'headline=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
    const huge = { headline: 'Huge', body: 'x'.repeat(2 * 1024 * 1024 + 1) };
    expectProblem(await call(`${api}/articles`, { token: reporter, body: huge }), 413);
  });

  it('400 for invalid fields, unknown fields and malformed JSON, with the problems listed', async () => {
    const tooLong = await call(`${api}/articles`, { token: reporter, body: { headline: 'h'.repeat(301), body: 'x' } });
    expectProblem(tooLong, 400);
    expect(tooLong.body.errors).toEqual([{ pointer: '/headline', message: '`headline` is at most 300 characters (got 301).' }]);
    expect(tooLong.body.detail).toBe('`headline` is at most 300 characters (got 301).');
    for (const body of [
      { headline: 'x', body: 'y', status: 'published' },
      { headline: 'x', body: 'y', authorId: 'carla' },
      { headline: '', body: 'y' },
      { headline: 'x', body: 'y', tags: Array(21).fill('t') },
    ]) {
      expectProblem(await call(`${api}/articles`, { token: reporter, body }), 400);
    }
    expectProblem(
      await call(`${api}/articles`, { token: reporter, raw: '{"headline":', headers: { 'content-type': 'application/json' } }),
      400,
    );
  });

  it('404 for another reporter’s draft even with a bad body; 403 before 400 for the wrong group', async () => {
    const { id } = await draft();
    expectProblem(
      await call(`${api}/articles/${id}/approve`, { token: rival, raw: '{oops', headers: { 'content-type': 'application/json' } }),
      404,
    );
    expectProblem(await call(`${api}/articles/${id}`, { token: rival }), 404);
    expectProblem(await call(`${api}/articles/does-not-exist`, { token: editor }), 404);
    expectProblem(
      await call(`${api}/articles/${id}/approve`, { token: reporter, raw: '{oops', headers: { 'content-type': 'application/json' } }),
      403,
    );
    expectProblem(await call(`${api}/articles/${id}/request-changes`, { token: editor, body: {} }), 400);
  });

  it('409 with the current status when the action does not fit, before 412', async () => {
    const { id } = await draft();
    const res = await call(`${api}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"9"' } });
    expectProblem(res, 409);
    expect(res.body.currentStatus).toBe('draft');
  });

  it('428 for an edit without If-Match, 412 for a stale one', async () => {
    const { id } = await draft();
    expectProblem(await call(`${api}/articles/${id}`, { method: 'PATCH', token: reporter, body: { headline: 'New' } }), 428);
    expectProblem(
      await call(`${api}/articles/${id}`, { method: 'PATCH', token: reporter, body: { headline: 'New' }, headers: { 'if-match': '"0"' } }),
      412,
    );
    const ok = await call(`${api}/articles/${id}`, {
      method: 'PATCH',
      token: reporter,
      body: { headline: 'New' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    expectProblem(await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter, headers: { 'if-match': '"1"' } }), 412);
  });

  it('approve and publish are bound to the version the chief read: 428 without If-Match, 412 when stale', async () => {
    const { id } = await draft();
    await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    const read = await call(`${api}/articles/${id}`, { token: chief });
    const seen = read.headers.get('etag')!;
    expect(seen).toBe('"2"');
    // An editor changes the story after the chief read it.
    const edited = await call(`${api}/articles/${id}`, {
      method: 'PATCH',
      token: editor,
      body: { headline: 'Minister arrested' },
      headers: { 'if-match': seen },
    });
    expect(edited.status).toBe(200);
    const without = await call(`${api}/articles/${id}/approve`, { token: chief, body: {} });
    expectProblem(without, 428);
    expectProblem(await call(`${api}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': '*' } }), 428);
    const stale = await call(`${api}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': seen } });
    expectProblem(stale, 412);
    expect(stale.body.currentVersion).toBe(3);
    expect((await call(`${api}/articles/${id}`, { token: chief })).body.status).toBe('in_review');

    const later = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await call(`${api}/articles/${id}/approve`, {
      token: chief,
      body: { publishAt: later },
      headers: { 'if-match': '"3"' },
    });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', version: 4, headline: 'Minister arrested' });
    expectProblem(await call(`${api}/articles/${id}/publish`, { method: 'POST', token: chief }), 428);
    expectProblem(await call(`${api}/articles/${id}/publish`, { method: 'POST', token: chief, headers: { 'if-match': '"3"' } }), 412);
    const published = await call(`${api}/articles/${id}/publish`, { method: 'POST', token: chief, headers: { 'if-match': '"4"' } });
    expect(published.body).toMatchObject({ status: 'published', version: 5 });
  });

  it('strict RFC 3339 for publishAt: an offset without minutes or a date that does not exist is a 400', async () => {
    const { id } = await draft();
    await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    const year = new Date().getUTCFullYear() + 1;
    for (const publishAt of [
      `${year}-01-01T06:00:00+01`,
      `${year}-02-31T06:00:00Z`,
      `${year}-13-01T06:00:00Z`,
      `${year}-01-01 06:00:00Z`,
    ]) {
      const res = await call(`${api}/articles/${id}/approve`, { token: chief, body: { publishAt }, headers: { 'if-match': '"2"' } });
      expectProblem(res, 400);
      expect(res.body.detail).toContain('publishAt');
    }
    const ok = await call(`${api}/articles/${id}/approve`, {
      token: chief,
      body: { publishAt: `${year}-01-01T06:00:00+01:00` },
      headers: { 'if-match': '"2"' },
    });
    expect(ok.body).toMatchObject({ status: 'scheduled', publishAt: `${year}-01-01T05:00:00.000Z` });
  });

  it('history pages like the other lists, and refuses a forged cursor', async () => {
    const { id } = await draft();
    for (let i = 0; i < 3; i++) {
      await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
      await call(`${api}/articles/${id}/withdraw`, { method: 'POST', token: reporter });
    }
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `limit=4&cursor=${encodeURIComponent(cursor)}` : 'limit=4';
      const page = await call(`${api}/articles/${id}/history?${q}`, { token: reporter });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((h) => h.type)).toEqual(['ArticleCreated', ...Array(3).fill(['ArticleSubmitted', 'ArticleWithdrawn']).flat()]);
    expect(seen.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const q of ['limit=0', 'limit=101', 'cursor=Zm9yZ2Vk', 'cursor=%7B', 'sort=asc']) {
      expectProblem(await call(`${api}/articles/${id}/history?${q}`, { token: reporter }), 400);
    }
  });

  it('404, never 500, for prototype names in every path parameter', async () => {
    const { id } = await draft();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expectProblem(await call(`${api}/articles/${id}/media/${name}`, { method: 'DELETE', token: reporter }), 404);
      expectProblem(await call(`${api}/articles/${name}`, { token: reporter }), 404);
      expectProblem(await call(`${api}/articles/${name}/media/${name}`, { method: 'DELETE', token: reporter }), 404);
    }
  });

  it('400 for bad list queries and forged cursors', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'status=archived', 'cursor=Zm9yZ2Vk', 'sort=asc']) {
      expectProblem(await call(`${api}/articles?${q}`, { token: editor }), 400);
    }
  });

  it('404 from the gateway, as API Gateway answers it, for an unknown route', async () => {
    expectGatewayAnswer(await call(`${api}/nothing-here`, { token: editor }), 404, 'Not Found');
  });
});

describe('who may do what', () => {
  it('an editor may edit in review but not submit; the author may withdraw but not edit in review', async () => {
    const { id } = await draft();
    await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    expectProblem(
      await call(`${api}/articles/${id}`, { method: 'PATCH', token: reporter, body: { headline: 'Mine' }, headers: { 'if-match': '"2"' } }),
      409,
    );
    const edited = await call(`${api}/articles/${id}`, {
      method: 'PATCH',
      token: editor,
      body: { headline: 'Desk edit' },
      headers: { 'if-match': '"2"' },
    });
    expect(edited.body).toMatchObject({ headline: 'Desk edit', version: 3, allowedActions: ['edit', 'request-changes', 'spike'] });
    expectProblem(await call(`${api}/articles/${id}/withdraw`, { method: 'POST', token: editor }), 403);
    expect((await call(`${api}/articles/${id}/withdraw`, { method: 'POST', token: reporter })).body.status).toBe('draft');
  });

  it('a reporter’s list shows their own desk and published work, never another reporter’s draft', async () => {
    const mine = await draft(reporter);
    const theirs = await draft(rival);
    const list = await call(`${api}/articles?limit=100`, { token: reporter });
    const ids = list.body.items.map((a: any) => a.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const asked = await call(`${api}/articles?author=omar&status=draft`, { token: reporter });
    expect(asked.body.items).toEqual([]);
  });
});

describe('browsers on the newsroom desk', () => {
  const desk = 'http://desk.localhost:5173';

  it('get CORS answers for the allowed origin only, as the HTTP API gives them', async () => {
    const preflight = await fetch(`${api}/articles/x`, {
      method: 'OPTIONS',
      headers: { origin: desk, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(desk);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('if-match');

    const read = await fetch(`${api}/articles`, { headers: { origin: desk, authorization: `Bearer ${editor}` } });
    expect(read.headers.get('access-control-allow-origin')).toBe(desk);
    expect(read.headers.get('access-control-expose-headers')).toContain('etag');

    const elsewhere = await fetch(`${api}/articles`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${editor}` } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('may post upload forms straight to storage from the allowed origin', async () => {
    const { id } = await draft();
    const declared = await call(`${api}/articles/${id}/media`, {
      token: reporter,
      body: { filename: 'a.png', contentType: 'image/png', size: 10 },
    });
    const preflight = await fetch(declared.body.upload.url, {
      method: 'OPTIONS',
      headers: { origin: desk, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    // s3rver answers an allowed preflight with '*' (S3 echoes the origin); a foreign origin is refused either way.
    expect(preflight.headers.get('access-control-allow-origin')).not.toBeNull();
    const foreign = await fetch(declared.body.upload.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.status).toBe(403);
  });
});
