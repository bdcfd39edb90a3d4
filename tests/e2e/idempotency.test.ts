import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let reporter: string;
let chief: string;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  [reporter, chief] = await Promise.all([newsroom.token('rita', 'reporters'), newsroom.token('carla', 'chief-editors')]);
});
afterAll(() => newsroom.stop());

/**
 * The longest body of seeded CJK text that the newsroom still stores (300 KiB deflated): the
 * response that carries it is a few hundred bytes larger, too large to keep whole for replay.
 */
function longestStorableCjkBody(): string {
  let seed = 15;
  const next = () => {
    // mulberry32: a small seeded generator, so the text is the same on every run.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const chars = Array.from({ length: 200_000 }, () => String.fromCharCode(0x4e00 + (next() % 1_000))).join('');
  const fits = (n: number) => deflateRawSync(Buffer.from(chars.slice(0, n), 'utf8')).byteLength <= 300 * 1024;
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo);
}

const create = (key: string, headline = 'Once only') =>
  call(`${newsroom.url}/articles`, { token: reporter, body: { headline, body: 'Copy.' }, headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('a retried create returns the first response and creates one article', async () => {
    const key = `create-${Date.now()}`;
    const first = await create(key);
    const again = await create(key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const mine = await call(`${newsroom.url}/articles?author=rita&limit=100`, { token: reporter });
    expect(mine.body.items.filter((a: any) => a.headline === 'Once only')).toHaveLength(1);
  });

  it('the same key with a different body is refused with 422', async () => {
    const key = `create-other-${Date.now()}`;
    await create(key, 'First body');
    const res = await create(key, 'Second body');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('a retried approval replays the first response and changes nothing', async () => {
    const { body } = await create(`story-${Date.now()}`, 'Approve me once');
    await call(`${newsroom.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
    const key = `approve-${body.id}`;
    const approve = () =>
      call(`${newsroom.url}/articles/${body.id}/approve`, {
        token: chief,
        body: {},
        headers: { 'idempotency-key': key, 'if-match': '"2"' },
      });
    const [a, b] = await Promise.all([approve(), approve()]);
    const c = await approve();
    expect(a.status === 200 || b.status === 200).toBe(true);
    expect(c.status).toBe(200);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect(c.body.version).toBe(3);
    const history = await call(`${newsroom.url}/articles/${body.id}/history`, { token: chief });
    expect(history.body.items.filter((h: any) => h.type === 'ArticleApproved')).toHaveLength(1);
    // Without the key, approving again is simply not possible any more.
    expect(
      (await call(`${newsroom.url}/articles/${body.id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"3"' } })).status,
    ).toBe(409);
  });

  it('a create whose response is too large to keep is still answered 201, replayed, and keeps its key', async () => {
    const key = `long-${Date.now()}`;
    const body = longestStorableCjkBody();
    const send = (headline: string) =>
      call(`${newsroom.url}/articles`, { token: reporter, body: { headline, body }, headers: { 'idempotency-key': key } });
    const first = await send('長文');
    expect(first.status).toBe(201);
    expect(first.body.body).toBe(body);
    const again = await send('長文');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(`/articles/${first.body.id}`);
    // The key is not released: another body under it is refused, never answered with the old article.
    expect((await send('別の記事')).status).toBe(422);
  });

  it('a retry after the article moved on gets the first status with the article as it is now', async () => {
    const key = `moved-${Date.now()}`;
    const first = await create(key, 'Moves on');
    const edited = await call(`${newsroom.url}/articles/${first.body.id}`, {
      method: 'PATCH',
      token: reporter,
      body: { headline: 'Moved on' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    const again = await create(key, 'Moves on');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe('"2"');
    expect(again.body).toMatchObject({ id: first.body.id, version: 2, headline: 'Moved on' });
  });

  it('a replay is shown only to a caller who may still read the article', async () => {
    const { body } = await create(`demote-${Date.now()}`, 'Sent back once');
    await call(`${newsroom.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
    const key = `changes-${body.id}`;
    const asEditor = await newsroom.token('ed', 'editors');
    const sendBack = (token: string) =>
      call(`${newsroom.url}/articles/${body.id}/request-changes`, {
        token,
        body: { comment: 'Needs a second source.' },
        headers: { 'idempotency-key': key },
      });
    expect((await sendBack(asEditor)).status).toBe(200);
    // The same person, now only a reporter, may not see Rita's draft any more.
    const demoted = await newsroom.token('ed', 'reporters');
    const replay = await sendBack(demoted);
    expect(replay.status).toBe(404);
    expect(replay.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.stringify(replay.body)).not.toContain('Sent back once');
  });

  it('keys are per caller and per article; a refused request frees its key', async () => {
    const { body: one } = await create(`k1-${Date.now()}`, 'One');
    const key = `submit-${Date.now()}`;
    const denied = await call(`${newsroom.url}/articles/${one.id}/approve`, {
      token: chief,
      body: {},
      headers: { 'idempotency-key': key },
    });
    expect(denied.status).toBe(409);
    await call(`${newsroom.url}/articles/${one.id}/submit`, { method: 'POST', token: reporter });
    const retried = await call(`${newsroom.url}/articles/${one.id}/approve`, {
      token: chief,
      body: {},
      headers: { 'idempotency-key': key, 'if-match': '"2"' },
    });
    expect(retried.status).toBe(200);
    expect(
      (
        await call(`${newsroom.url}/articles`, {
          token: reporter,
          body: { headline: 'x', body: 'y' },
          headers: { 'idempotency-key': 'bad key with spaces' },
        })
      ).status,
    ).toBe(400);
  });
});
