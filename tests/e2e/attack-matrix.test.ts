import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROUTES } from '../../lambdas/http/routes.js';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
const t: Record<'owner' | 'rival' | 'editor' | 'chief' | 'nobody', string> = {} as never;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  t.owner = await newsroom.token('rita', 'reporters');
  t.rival = await newsroom.token('omar', 'reporters');
  t.editor = await newsroom.token('eddie', 'editors');
  t.chief = await newsroom.token('carla', 'chief-editors');
  t.nobody = await newsroom.token('guest', []);
});
afterAll(() => newsroom.stop());

type Caller = keyof typeof t;
const STATES = ['draft', 'published', 'unpublished', 'spiked', 'killed'] as const;
type State = (typeof STATES)[number];

/** A fresh article owned by Rita at its second revision (so there is one to restore), with an editor's note, in the state asked for. */
async function article(state: State): Promise<{ id: string; version: number }> {
  const url = `${newsroom.url}/articles`;
  const { body } = await call(url, { token: t.owner, body: { headline: 'Matrix', body: 'Copy.' } });
  await call(`${url}/${body.id}/comments`, { token: t.editor, body: { text: 'A standing note.' } });
  const edited = await call(`${url}/${body.id}`, {
    method: 'PATCH',
    token: t.owner,
    body: { body: 'Copy, edited.' },
    headers: { 'if-match': '"1"' },
  });
  let version: number = edited.body.version;
  const move = async (path: string, token: string, sent: unknown = {}, ifMatch = false) => {
    const res = await call(`${url}/${body.id}/${path}`, { token, body: sent, headers: ifMatch ? { 'if-match': `"${version}"` } : {} });
    expect(res.status).toBe(200);
    version = res.body.version;
  };
  if (state === 'draft') return { id: body.id, version };
  if (state === 'spiked') {
    await move('spike', t.owner);
    return { id: body.id, version };
  }
  await move('submit', t.owner);
  await move('approve', t.chief, {}, true);
  if (state === 'unpublished' || state === 'killed') await move('unpublish', t.chief, { reason: 'Legal asked.' });
  if (state === 'killed') await move('kill', t.chief, { reason: 'Legal asked.' });
  return { id: body.id, version };
}

/** The editor's note every matrix article carries from the start. */
async function standingNote(id: string): Promise<string> {
  const thread = await call(`${newsroom.url}/articles/${id}/comments`, { token: t.editor });
  return thread.body.items.find((c: { text: string }) => c.text === 'A standing note.').id;
}

interface Cell {
  route: string;
  send: (id: string, version: number, token: string) => ReturnType<typeof call>;
  /** Expected status per caller, for each state of an article owned by the reporter Rita. */
  draft: Record<Caller, number>;
  published: Record<Caller, number>;
  unpublished: Record<Caller, number>;
  spiked: Record<Caller, number>;
  killed: Record<Caller, number>;
}

/** Rita's article in a status only she and the desk can see: the others are told it does not exist. */
const hidden = (owner: number, editor: number, chief: number): Record<Caller, number> => ({
  owner,
  rival: 404,
  editor,
  chief,
  nobody: 404,
});

const post =
  (path: string, body: unknown = {}) =>
  (id: string, _v: number, token: string) =>
    call(`${newsroom.url}/articles/${id}${path}`, { token, body });
/** The same, bound with If-Match to the version just read. */
const postBound =
  (path: string, body: unknown = {}) =>
  (id: string, v: number, token: string) =>
    call(`${newsroom.url}/articles/${id}${path}`, { token, body, headers: { 'if-match': `"${v}"` } });
const get = (path: string) => (id: string, _v: number, token: string) => call(`${newsroom.url}/articles/${id}${path}`, { token });

/**
 * The access contract, written out by hand: 404 where the caller may not see the article,
 * 403 where their group may never do this, 409 where it may but not in this status, 428 where
 * it may but must name the version it read.
 */
const CELLS: Cell[] = [
  {
    route: 'GET /articles/{id}',
    send: get(''),
    draft: { owner: 200, rival: 404, editor: 200, chief: 200, nobody: 404 },
    published: { owner: 200, rival: 200, editor: 200, chief: 200, nobody: 200 },
    unpublished: hidden(200, 200, 200),
    spiked: hidden(200, 200, 200),
    killed: hidden(200, 200, 200),
  },
  {
    route: 'GET /articles/{id}/history',
    send: get('/history'),
    draft: { owner: 200, rival: 404, editor: 200, chief: 200, nobody: 404 },
    published: { owner: 200, rival: 200, editor: 200, chief: 200, nobody: 200 },
    unpublished: hidden(200, 200, 200),
    spiked: hidden(200, 200, 200),
    killed: hidden(200, 200, 200),
  },
  {
    route: 'PATCH /articles/{id}',
    send: (id, v, token) =>
      call(`${newsroom.url}/articles/${id}`, { method: 'PATCH', token, body: { headline: 'Edited' }, headers: { 'if-match': `"${v}"` } }),
    draft: { owner: 200, rival: 404, editor: 200, chief: 200, nobody: 404 },
    published: { owner: 409, rival: 403, editor: 409, chief: 409, nobody: 403 },
    unpublished: hidden(409, 200, 200),
    spiked: hidden(409, 409, 409),
    killed: hidden(409, 409, 409),
  },
  {
    route: 'POST /articles/{id}/submit',
    send: post('/submit'),
    draft: { owner: 200, rival: 404, editor: 403, chief: 403, nobody: 404 },
    published: { owner: 409, rival: 403, editor: 403, chief: 403, nobody: 403 },
    unpublished: hidden(409, 403, 403),
    spiked: hidden(409, 403, 403),
    killed: hidden(409, 403, 403),
  },
  {
    route: 'POST /articles/{id}/withdraw',
    send: post('/withdraw'),
    draft: { owner: 409, rival: 404, editor: 403, chief: 403, nobody: 404 },
    published: { owner: 409, rival: 403, editor: 403, chief: 403, nobody: 403 },
    unpublished: hidden(409, 403, 403),
    spiked: hidden(409, 403, 403),
    killed: hidden(409, 403, 403),
  },
  {
    route: 'POST /articles/{id}/request-changes',
    send: post('/request-changes', { comment: 'More sources.' }),
    draft: { owner: 403, rival: 404, editor: 409, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 409, chief: 409, nobody: 403 },
    unpublished: hidden(403, 409, 409),
    spiked: hidden(403, 409, 409),
    killed: hidden(403, 409, 409),
  },
  {
    route: 'POST /articles/{id}/approve',
    send: post('/approve'),
    draft: { owner: 403, rival: 404, editor: 403, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 403, chief: 409, nobody: 403 },
    unpublished: hidden(403, 403, 428),
    spiked: hidden(403, 403, 409),
    killed: hidden(403, 403, 409),
  },
  {
    route: 'POST /articles/{id}/schedule',
    send: post('/schedule', { publishAt: new Date(Date.now() + 86_400_000).toISOString() }),
    draft: { owner: 403, rival: 404, editor: 403, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 403, chief: 409, nobody: 403 },
    unpublished: hidden(403, 403, 409),
    spiked: hidden(403, 403, 409),
    killed: hidden(403, 403, 409),
  },
  {
    route: 'POST /articles/{id}/unschedule',
    send: post('/unschedule'),
    draft: { owner: 403, rival: 404, editor: 403, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 403, chief: 409, nobody: 403 },
    unpublished: hidden(403, 403, 409),
    spiked: hidden(403, 403, 409),
    killed: hidden(403, 403, 409),
  },
  {
    route: 'POST /articles/{id}/publish',
    send: post('/publish'),
    draft: { owner: 403, rival: 404, editor: 403, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 403, chief: 409, nobody: 403 },
    unpublished: hidden(403, 403, 409),
    spiked: hidden(403, 403, 409),
    killed: hidden(403, 403, 409),
  },
  {
    route: 'POST /articles/{id}/media',
    send: post('/media', { filename: 'a.png', contentType: 'image/png', size: 10 }),
    draft: { owner: 201, rival: 404, editor: 201, chief: 201, nobody: 404 },
    published: { owner: 409, rival: 403, editor: 409, chief: 409, nobody: 403 },
    unpublished: hidden(409, 201, 201),
    spiked: hidden(409, 409, 409),
    killed: hidden(409, 409, 409),
  },
  {
    route: 'GET /articles/{id}/media',
    send: get('/media'),
    draft: { owner: 200, rival: 404, editor: 200, chief: 200, nobody: 404 },
    published: { owner: 200, rival: 200, editor: 200, chief: 200, nobody: 200 },
    unpublished: hidden(200, 200, 200),
    spiked: hidden(200, 200, 200),
    killed: hidden(200, 200, 200),
  },
  {
    route: 'POST /articles/{id}/spike',
    send: post('/spike'),
    draft: { owner: 200, rival: 404, editor: 200, chief: 200, nobody: 404 },
    published: { owner: 409, rival: 403, editor: 409, chief: 409, nobody: 403 },
    unpublished: hidden(409, 409, 409),
    spiked: hidden(409, 409, 409),
    killed: hidden(409, 409, 409),
  },
  {
    route: 'POST /articles/{id}/unspike',
    send: post('/unspike'),
    draft: { owner: 409, rival: 404, editor: 409, chief: 409, nobody: 404 },
    published: { owner: 409, rival: 403, editor: 409, chief: 409, nobody: 403 },
    unpublished: hidden(409, 409, 409),
    spiked: hidden(200, 200, 200),
    killed: hidden(409, 409, 409),
  },
  {
    route: 'POST /articles/{id}/correct',
    send: postBound('/correct', { headline: 'Corrected', note: 'The district was misnamed.' }),
    draft: { owner: 403, rival: 404, editor: 409, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 200, chief: 200, nobody: 403 },
    unpublished: hidden(403, 409, 409),
    spiked: hidden(403, 409, 409),
    killed: hidden(403, 409, 409),
  },
  {
    route: 'POST /articles/{id}/unpublish',
    send: post('/unpublish', { reason: 'Legal asked.' }),
    draft: { owner: 403, rival: 404, editor: 403, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 403, chief: 200, nobody: 403 },
    unpublished: hidden(403, 403, 409),
    spiked: hidden(403, 403, 409),
    killed: hidden(403, 403, 409),
  },
  {
    route: 'POST /articles/{id}/kill',
    send: post('/kill', { reason: 'Legal asked.' }),
    draft: { owner: 403, rival: 404, editor: 403, chief: 409, nobody: 404 },
    published: { owner: 403, rival: 403, editor: 403, chief: 200, nobody: 403 },
    unpublished: hidden(403, 403, 200),
    spiked: hidden(403, 403, 409),
    killed: hidden(403, 403, 409),
  },
  // Revisions are the author's and the desk's, whatever the status: anyone else is told nothing exists.
  ...(['/revisions', '/revisions/1', '/revisions/2/diff'] as const).map((path) => ({
    route: `GET /articles/{id}${path}`,
    send: get(path),
    draft: hidden(200, 200, 200),
    published: hidden(200, 200, 200),
    unpublished: hidden(200, 200, 200),
    spiked: hidden(200, 200, 200),
    killed: hidden(200, 200, 200),
  })),
  {
    route: 'POST /articles/{id}/revisions/{revision}/restore',
    send: postBound('/revisions/1/restore'),
    draft: hidden(200, 200, 200),
    published: hidden(409, 409, 409),
    unpublished: hidden(409, 200, 200),
    spiked: hidden(409, 409, 409),
    killed: hidden(409, 409, 409),
  },
  // Comment threads belong to the author and the desk: anyone else gets 404, even on a published article.
  {
    route: 'GET /articles/{id}/comments',
    send: get('/comments'),
    draft: hidden(200, 200, 200),
    published: hidden(200, 200, 200),
    unpublished: hidden(200, 200, 200),
    spiked: hidden(200, 200, 200),
    killed: hidden(200, 200, 200),
  },
  {
    route: 'POST /articles/{id}/comments',
    send: post('/comments', { text: 'A note.' }),
    draft: hidden(201, 201, 201),
    published: hidden(201, 201, 201),
    unpublished: hidden(201, 201, 201),
    spiked: hidden(201, 201, 201),
    killed: hidden(409, 409, 409),
  },
  {
    route: 'POST /articles/{id}/comments/{commentId}/resolve',
    send: async (id, _v, token) =>
      call(`${newsroom.url}/articles/${id}/comments/${await standingNote(id)}/resolve`, { method: 'POST', token }),
    draft: hidden(200, 200, 200),
    published: hidden(200, 200, 200),
    unpublished: hidden(200, 200, 200),
    spiked: hidden(200, 200, 200),
    killed: hidden(409, 409, 409),
  },
  {
    route: 'DELETE /articles/{id}/comments/{commentId}',
    send: async (id, _v, token) => call(`${newsroom.url}/articles/${id}/comments/${await standingNote(id)}`, { method: 'DELETE', token }),
    draft: hidden(403, 204, 403),
    published: hidden(403, 204, 403),
    unpublished: hidden(403, 204, 403),
    spiked: hidden(403, 204, 403),
    killed: hidden(403, 409, 403),
  },
];

describe('the attack matrix: every route × group × own or someone else’s article', () => {
  const cases = CELLS.flatMap((cell) =>
    STATES.flatMap((state) => (Object.keys(cell.draft) as Caller[]).map((caller) => ({ route: cell.route, state, caller, cell }))),
  );

  it.each(cases)('$route by $caller on Rita’s $state article', async ({ cell, state, caller }) => {
    const a = await article(state);
    const res = await cell.send(a.id, a.version, t[caller]);
    expect(res.status).toBe(cell[state][caller]);
    if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses mass assignment of fields the server owns', async () => {
    const a = await article('draft');
    for (const field of ['status', 'authorId', 'authorName', 'version', 'id', 'approvedBy', 'publishedAt', 'createdAt']) {
      const patch = await call(`${newsroom.url}/articles/${a.id}`, {
        method: 'PATCH',
        token: t.owner,
        body: { [field]: 'x' },
        headers: { 'if-match': '"1"' },
      });
      expect(patch.status).toBe(400);
      const create = await call(`${newsroom.url}/articles`, { token: t.owner, body: { headline: 'h', body: 'b', [field]: 'x' } });
      expect(create.status).toBe(400);
    }
    expect((await call(`${newsroom.url}/articles/${a.id}`, { token: t.owner })).body).toMatchObject({
      status: 'draft',
      authorId: 'rita',
      version: a.version,
    });
  });

  it('a user in no group can read published work but write nothing', async () => {
    expect((await call(`${newsroom.url}/articles`, { token: t.nobody, body: { headline: 'h', body: 'b' } })).status).toBe(403);
  });
});

/** Profiles: every member of staff reads anyone's saved profile and edits their own; only chief editors edit anyone's. */
describe('the attack matrix for profiles: every route × caller, on Rita’s saved profile and on one never saved', () => {
  const profile = { name: 'Rita Reporter', bio: 'Covers the border.', function: 'Reporter' };
  beforeAll(async () => {
    expect((await call(`${newsroom.url}/profiles/me`, { method: 'PUT', token: t.owner, body: profile })).status).toBe(200);
  });

  type Who = Caller | 'anonymous';
  const PROFILE_CELLS: { route: string; path: string; method: 'GET' | 'PUT'; expected: Record<Who, number> }[] = [
    {
      route: 'GET /profiles/me',
      path: '/profiles/me',
      method: 'GET',
      expected: { owner: 200, rival: 200, editor: 200, chief: 200, nobody: 403, anonymous: 401 },
    },
    {
      route: 'PUT /profiles/me',
      path: '/profiles/me',
      method: 'PUT',
      expected: { owner: 200, rival: 200, editor: 200, chief: 200, nobody: 403, anonymous: 401 },
    },
    {
      route: 'GET /profiles/{userId}',
      path: '/profiles/rita',
      method: 'GET',
      expected: { owner: 200, rival: 200, editor: 200, chief: 200, nobody: 403, anonymous: 401 },
    },
    {
      route: 'PUT /profiles/{userId}',
      path: '/profiles/rita',
      method: 'PUT',
      expected: { owner: 200, rival: 403, editor: 403, chief: 200, nobody: 403, anonymous: 401 },
    },
    {
      route: 'GET /profiles/{userId}',
      path: '/profiles/never-saved',
      method: 'GET',
      expected: { owner: 404, rival: 404, editor: 404, chief: 404, nobody: 403, anonymous: 401 },
    },
    {
      route: 'PUT /profiles/{userId}',
      path: '/profiles/never-saved',
      method: 'PUT',
      expected: { owner: 404, rival: 404, editor: 404, chief: 404, nobody: 403, anonymous: 401 },
    },
  ];
  const cases = PROFILE_CELLS.flatMap((cell) => (Object.keys(cell.expected) as Who[]).map((caller) => ({ ...cell, caller })));

  it.each(cases)('$method $path by $caller', async ({ path, method, expected, caller }) => {
    const res = await call(`${newsroom.url}${path}`, {
      method,
      ...(caller === 'anonymous' ? {} : { token: t[caller] }),
      ...(method === 'PUT' ? { body: profile } : {}),
    });
    expect(res.status).toBe(expected[caller]);
    if (res.status >= 400 && res.status !== 401) expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

describe('prototype names in path parameters', () => {
  it('are 404 in every path parameter of every route, for every caller, never 5xx', async () => {
    const own = await article('draft');
    const declared = await call(`${newsroom.url}/articles/${own.id}/media`, {
      token: t.owner,
      body: { filename: 'a.png', contentType: 'image/png', size: 10 },
    });
    const note = await call(`${newsroom.url}/articles/${own.id}/comments`, { token: t.owner, body: { text: 'A note.' } });
    const real: Record<string, string> = { id: own.id, mediaId: declared.body.id, commentId: note.body.id, revision: '1' };
    const failures: string[] = [];
    for (const route of ROUTES) {
      const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const param of params) {
        for (const name of PROTOTYPE_NAMES) {
          const path = route.path.replace(/\{(\w+)\}/g, (_, p: string) => (p === param ? name : real[p]!));
          for (const caller of ['owner', 'editor', 'chief'] as const) {
            const res = await call(`${newsroom.url}${path}`, {
              method: route.method,
              token: t[caller],
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
              headers: { 'if-match': '"1"' },
            });
            const problem = res.headers.get('content-type') === 'application/problem+json';
            if (res.status !== 404 || !problem) failures.push(`${route.method} ${path} by ${caller} → ${res.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Percent-encodes a path segment; a lone surrogate cannot be encoded, so it becomes a malformed escape. */
function pathSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return `%ZZ${s.length}`;
  }
}

/** The answers API Gateway gives itself, as AWS sends them (the local 401 adds why, and what to do). */
const GATEWAY_ANSWERS: Record<number, RegExp> = { 401: /^\{"message":"Unauthorized","reason":"[^"]+/, 404: /^\{"message":"Not Found"\}$/ };

describe('10,000 generated hostile requests', () => {
  it('never get a 5xx, and every error is problem+json or the gateway’s own answer', async () => {
    const own = await article('draft');
    const published = await article('published');
    const tokens = [t.owner, t.rival, t.editor, t.chief, t.nobody, '', 'garbage', `${t.chief.slice(0, -4)}AAAA`];
    const oddStrings = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(
        '\u0000',
        '\ud800',
        '\udfff',
        '\u202e',
        '\ufeff',
        'ǅ',
        '🧨'.repeat(50),
        'a\u0301'.repeat(40),
        '%00',
        '../../etc/passwd',
        ...PROTOTYPE_NAMES,
      ),
      fc.string({ maxLength: 400 }),
    );
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ headline: oddStrings, body: oddStrings }, { requiredKeys: [] }),
      fc.record(
        { headline: oddStrings, body: oddStrings, tags: fc.array(oddStrings, { maxLength: 30 }), status: fc.constant('published') },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          comment: oddStrings,
          publishAt: fc.oneof(
            oddStrings,
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.constant('2031-01-01T00:00:00'),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.record(
        { filename: oddStrings, contentType: oddStrings, size: fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 64)) },
        { requiredKeys: [] },
      ),
      fc.record({ text: oddStrings, quote: oddStrings }, { requiredKeys: [] }),
      fc.record({ name: oddStrings, bio: oddStrings, function: oddStrings }, { requiredKeys: [] }),
      fc.constant({ ['__proto__']: { admin: true }, headline: 'x', body: 'y' }),
    );
    const rawBody = fc.oneof(
      { weight: 6, arbitrary: json.map((v) => JSON.stringify(v) ?? 'null') },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`) },
      { weight: 1, arbitrary: fc.constant('{"headline":"x","body":"' + 'y'.repeat(1024 * 1024) + '"}') },
    );
    const id = fc.oneof(
      fc.constant(own.id),
      fc.constant(published.id),
      fc.uuid(),
      oddStrings.map(pathSegment),
      fc.constant('x'.repeat(2000)),
    );
    const path = fc.oneof(
      id.map((i) => `/articles/${i}`),
      fc
        .tuple(
          id,
          fc.constantFrom(
            'submit',
            'withdraw',
            'request-changes',
            'approve',
            'schedule',
            'unschedule',
            'publish',
            'history',
            'media',
            'media/nope',
            'comments',
            'comments/nope/resolve',
            ...PROTOTYPE_NAMES.map((n) => `media/${n}`),
          ),
        )
        .map(([i, a]) => `/articles/${i}/${a}`),
      fc
        .record(
          {
            limit: fc.oneof(fc.integer().map(String), fc.constant('1e9'), fc.constant('-1'), oddStrings),
            cursor: fc.oneof(
              oddStrings,
              fc.base64String(),
              fc.constant(Buffer.from(JSON.stringify({ q: 'x', p: ['2026-01-01T00:00:00.000Z#a'] })).toString('base64url')),
            ),
            status: fc.oneof(fc.constantFrom('draft', 'in_review', 'published', 'archived'), oddStrings),
            author: oddStrings,
          },
          { requiredKeys: [] },
        )
        .map((q) => `/articles?${new URLSearchParams(q as Record<string, string>)}`),
      fc.constant('/articles'),
      fc.constant('/profiles/me'),
      id.map((i) => `/profiles/${i}`),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
      path,
      token: fc.constantFrom(...tokens),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/merge-patch+json',
        '',
      ),
      ifMatch: fc.option(fc.constantFrom('"1"', '*', 'W/"2"', '"abc"', '', '"1", "2"'), { nil: undefined }),
      body: fc.option(rawBody, { nil: undefined }),
    });

    const requests = fc.sample(request, { numRuns: 10_000, seed: 20261125 });
    const failures: string[] = [];
    let sent = 0;
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) {
          const headers: Record<string, string> = {};
          if (r.token) headers.authorization = `Bearer ${r.token}`;
          if (r.contentType) headers['content-type'] = r.contentType;
          if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch;
          const res = await fetch(`${newsroom.url}${r.path}`, { method: r.method, headers, body: r.method === 'GET' ? undefined : r.body });
          const text = await res.text();
          sent++;
          const problem = res.headers.get('content-type') === 'application/problem+json';
          // 401 for a bad token and 404 for an unmatched route come from the gateway, as in AWS.
          const gateway = res.headers.get('content-type') === 'application/json' && !!GATEWAY_ANSWERS[res.status]?.test(text);
          if (res.status >= 500 || (res.status >= 400 && !gateway && !(problem && JSON.parse(text).status === res.status))) {
            failures.push(`${res.status} ${r.method} ${r.path.slice(0, 120)} body=${(r.body ?? '').slice(0, 120)} → ${text.slice(0, 200)}`);
          }
        }
      }),
    );
    expect(sent).toBe(10_000);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 240_000);
});
