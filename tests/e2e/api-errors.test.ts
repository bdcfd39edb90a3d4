import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let api: string;
let reporter: string;
let editor: string;
let chief: string;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  api = newsroom.url;
  [reporter, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('eddie', 'editors', 'Eddie Editor'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
  ]);
});
afterAll(() => newsroom.stop());

const draft = async (body: Record<string, unknown> = {}) =>
  (await call(`${api}/articles`, { token: reporter, body: { headline: 'Errors', body: 'Copy.', ...body } })).body as {
    id: string;
    version: number;
  };

describe('every error about input has one shape: errors[] of { pointer, message }', () => {
  it('body fields', async () => {
    const res = await call(`${api}/articles`, { token: reporter, body: { title: 'Floods', body: 'Copy.' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { pointer: '/headline', message: '`headline` is required.' },
      { pointer: '/title', message: 'Unknown field `title`.' },
    ]);
    expect(res.body.detail).toBe('`headline` is required. Unknown field `title`.');
  });

  it('query parameters, under /query', async () => {
    const res = await call(`${api}/articles?status=live`, { token: editor });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { pointer: '/query/status', message: '`status` must be one of draft, in_review, scheduled, published, unpublished, spiked, killed.' },
    ]);
    const cursor = await call(`${api}/articles?cursor=nonsense`, { token: editor });
    expect(cursor.body.errors).toEqual([{ pointer: '/query/cursor', message: 'The cursor is not valid for this list.' }]);
  });

  it('headers, under /headers', async () => {
    const { id } = await draft();
    const missing = await call(`${api}/articles/${id}`, { method: 'PATCH', token: reporter, body: { headline: 'New' } });
    expect(missing.status).toBe(428);
    expect(missing.body.errors).toEqual([{ pointer: '/headers/If-Match', message: 'Send If-Match with the ETag you last read.' }]);
    const key = await call(`${api}/articles`, {
      token: reporter,
      headers: { 'idempotency-key': 'no spaces allowed' },
      body: { headline: 'h', body: 'b' },
    });
    expect(key.status).toBe(400);
    expect(key.body.errors).toEqual([
      { pointer: '/headers/Idempotency-Key', message: 'Idempotency-Key must be 1–128 letters, digits or _ . : -' },
    ]);
  });

  it('malformed JSON points at the whole body', async () => {
    const res = await call(`${api}/articles`, { token: reporter, raw: '{"headline":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '', message: 'The request body is not valid JSON.' }]);
  });
});

describe('403 and 409 say what would work', () => {
  it('403 names who may; 409 names the move that would make it possible', async () => {
    const { id } = await draft();
    const submitted = await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    expect(submitted.status).toBe(200);
    const approve = await call(`${api}/articles/${id}/approve`, { method: 'POST', token: reporter, headers: { 'if-match': '"2"' } });
    expect(approve.status).toBe(403);
    expect(approve.body.detail).toBe('Only chief editors may approve.');
    const edit = await call(`${api}/articles/${id}`, {
      method: 'PATCH',
      token: reporter,
      headers: { 'if-match': '"2"' },
      body: { headline: 'Fix' },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.detail).toBe('You cannot edit it while it is in_review. Withdraw it first, or ask an editor to request changes.');
  });

  it('approval waits for files: not offered in allowedActions, and the 409 says to wait or remove them', async () => {
    const { id } = await draft();
    const attached = await call(`${api}/articles/${id}/media`, {
      method: 'POST',
      token: reporter,
      body: { filename: 'pixel.png', contentType: 'image/png', size: 68 },
    });
    expect(attached.status).toBe(201);
    expect((await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter })).status).toBe(200);
    const read = await call(`${api}/articles/${id}`, { token: chief });
    expect(read.body.allowedActions).toEqual(['edit', 'request-changes', 'spike']);
    const approve = await call(`${api}/articles/${id}/approve`, {
      method: 'POST',
      token: chief,
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(approve.status).toBe(409);
    expect(approve.body.detail).toBe('Attached files are still being checked: wait for them or remove them.');
  });
});

describe('If-Match', () => {
  it('an unquoted version is a 400 that shows the quoted form, not a 412', async () => {
    const { id } = await draft();
    const res = await call(`${api}/articles/${id}`, {
      method: 'PATCH',
      token: reporter,
      headers: { 'if-match': '1' },
      body: { headline: 'New' },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('ETags are quoted: If-Match: "1"');
    expect(res.body.errors).toEqual([{ pointer: '/headers/If-Match', message: 'ETags are quoted: If-Match: "1"' }]);
    const quoted = await call(`${api}/articles/${id}`, {
      method: 'PATCH',
      token: reporter,
      headers: { 'if-match': '"1"' },
      body: { headline: 'New' },
    });
    expect(quoted.status).toBe(200);
  });
});

describe('a draft sent back shows why', () => {
  it('carries the latest request for changes until it is submitted again', async () => {
    const { id } = await draft();
    expect((await call(`${api}/articles/${id}`, { token: reporter })).body.changesRequested).toBeNull();
    await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    const sentBack = await call(`${api}/articles/${id}/request-changes`, {
      method: 'POST',
      token: editor,
      body: { comment: 'Name the second source.' },
    });
    expect(sentBack.status).toBe(200);
    const seen = await call(`${api}/articles/${id}`, { token: reporter });
    expect(seen.body).toMatchObject({
      status: 'draft',
      changesRequested: { comment: 'Name the second source.', by: { id: 'eddie', name: 'Eddie Editor' }, at: sentBack.body.updatedAt },
    });
    expect(sentBack.body.changesRequested).toEqual(seen.body.changesRequested);
    const resubmitted = await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    expect(resubmitted.body.changesRequested).toBeNull();
    expect((await call(`${api}/articles/${id}`, { token: reporter })).body.changesRequested).toBeNull();
  });
});

describe('the request body limit admits the largest valid article, however it is encoded', () => {
  it('a 200,000-character CJK body sent with \\u escapes (Python json.dumps default, about 1.2 MB) is created', async () => {
    const body = '新聞編集部は記事を書き、校閲し、公開する。'.repeat(10_000).slice(0, 200_000);
    const asPythonSendsIt = JSON.stringify({ headline: '見出し'.repeat(100), body }).replace(
      /[^\x00-\x7f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(Buffer.byteLength(asPythonSendsIt)).toBeGreaterThan(1.2e6);
    const res = await call(`${api}/articles`, { token: reporter, raw: asPythonSendsIt, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(body);
  });
});

describe('scheduled articles list by publication time, soonest first', () => {
  async function schedule(token: string, hoursAhead: number, headline: string) {
    const { id } = (await call(`${api}/articles`, { token, body: { headline, body: 'Copy.' } })).body;
    await call(`${api}/articles/${id}/submit`, { method: 'POST', token });
    const publishAt = new Date(Date.now() + hoursAhead * 3_600_000).toISOString();
    const approved = await call(`${api}/articles/${id}/approve`, {
      method: 'POST',
      token: chief,
      headers: { 'if-match': '"2"' },
      body: { publishAt },
    });
    expect(approved.body.status).toBe('scheduled');
    return id as string;
  }

  it('for the desk, page by page; a reporter sees their own; the cursor stays bound to its query', async () => {
    const omar = await newsroom.token('omar', 'reporters');
    const later = await schedule(reporter, 30, 'Later');
    const soonest = await schedule(omar, 10, 'Soonest');
    const middle = await schedule(reporter, 20, 'Middle');

    const all = await call(`${api}/articles?status=scheduled`, { token: editor });
    expect(all.body.items.map((a: { id: string }) => a.id)).toEqual([soonest, middle, later]);

    const first = await call(`${api}/articles?status=scheduled&limit=2`, { token: editor });
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([soonest, middle]);
    const second = await call(`${api}/articles?status=scheduled&limit=2&cursor=${first.body.nextCursor}`, { token: editor });
    expect(second.body.items.map((a: { id: string }) => a.id)).toEqual([later]);
    expect(second.body.nextCursor).toBeNull();
    const elsewhere = await call(`${api}/articles?status=scheduled&sort=createdAt&limit=2&cursor=${first.body.nextCursor}`, {
      token: editor,
    });
    expect(elsewhere.status).toBe(400);

    const byCreation = await call(`${api}/articles?status=scheduled&sort=createdAt`, { token: editor });
    expect(byCreation.body.items.map((a: { id: string }) => a.id)).toEqual([middle, soonest, later]);

    const mine = await call(`${api}/articles?status=scheduled`, { token: reporter });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([middle, later]);
  });

  it('sort=publishAt needs status=scheduled', async () => {
    const res = await call(`${api}/articles?sort=publishAt`, { token: editor });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { pointer: '/query/sort', message: '`sort=publishAt` lists scheduled articles: add `status=scheduled`.' },
    ]);
  });
});

describe('a file’s caption and credit can be edited', () => {
  it('PATCH /articles/{id}/media/{mediaId}: same rights as attaching, problem+json when refused', async () => {
    const { id } = await draft();
    const file = await call(`${api}/articles/${id}/media`, {
      method: 'POST',
      token: reporter,
      body: { filename: 'flood.png', contentType: 'image/png', size: 68, caption: 'Flod', credit: 'Rita' },
    });
    const path = `${api}/articles/${id}/media/${file.body.id}`;
    const edited = await call(path, { method: 'PATCH', token: reporter, body: { caption: 'Flood at the bridge' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: file.body.id, caption: 'Flood at the bridge', credit: 'Rita' });
    const cleared = await call(path, { method: 'PATCH', token: editor, body: { credit: null } });
    expect(cleared.body).toMatchObject({ caption: 'Flood at the bridge', credit: null });
    const listed = await call(`${api}/articles/${id}/media`, { token: reporter });
    expect(listed.body.items[0]).toMatchObject({ caption: 'Flood at the bridge', credit: null });

    const omar = await newsroom.token('omar', 'reporters');
    expect((await call(path, { method: 'PATCH', token: omar, body: { caption: 'Mine' } })).status).toBe(404);
    const unknown = await call(path, { method: 'PATCH', token: reporter, body: { alt: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ pointer: '/alt', message: 'Unknown field `alt`.' }]);
    expect((await call(`${api}/articles/${id}/media/nope`, { method: 'PATCH', token: reporter, body: { caption: 'x' } })).status).toBe(404);

    await call(`${api}/articles/${id}/submit`, { method: 'POST', token: reporter });
    const inReview = await call(path, { method: 'PATCH', token: reporter, body: { caption: 'Late' } });
    expect(inReview.status).toBe(409);
    expect(inReview.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('methods', () => {
  it('a wrong method on a known path is a 405 with Allow; an unknown path stays the gateway’s 404', async () => {
    const { id } = await draft();
    const put = await call(`${api}/articles/${id}`, { method: 'PUT', token: reporter, body: { headline: 'x' } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect(put.headers.get('content-type')).toBe('application/problem+json');
    expect(put.body).toMatchObject({ status: 405, title: 'Method Not Allowed', detail: 'PUT is not allowed here. Use GET, HEAD, PATCH.' });
    const getSubmit = await call(`${api}/articles/${id}/submit`, { token: reporter });
    expect(getSubmit.status).toBe(405);
    expect(getSubmit.headers.get('allow')).toBe('POST');
    expect((await call(`${api}/articles`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD, POST');
    const options = await fetch(`${api}/articles/${id}`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, PATCH');
    const unknown = await call(`${api}/articles/${id}/nothing`, { token: reporter });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: 'Not Found' });
  });

  it('HEAD works wherever GET does: the same status and headers, no body', async () => {
    const { id } = await draft();
    const get = await fetch(`${api}/articles/${id}`, { headers: { authorization: `Bearer ${reporter}` } });
    const head = await fetch(`${api}/articles/${id}`, { method: 'HEAD', headers: { authorization: `Bearer ${reporter}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(await head.text()).toBe('');
    for (const path of ['/articles', `/articles/${id}/history`, `/articles/${id}/media`]) {
      expect((await fetch(`${api}${path}`, { method: 'HEAD', headers: { authorization: `Bearer ${reporter}` } })).status).toBe(200);
    }
    expect((await fetch(`${api}/health`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${api}/articles/${id}`, { method: 'HEAD' })).status).toBe(401);
    const omar = await newsroom.token('omar', 'reporters');
    expect((await fetch(`${api}/articles/${id}`, { method: 'HEAD', headers: { authorization: `Bearer ${omar}` } })).status).toBe(404);
  });
});
