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
      call(`${newsroom.url}/articles/${body.id}/approve`, { token: chief, body: {}, headers: { 'idempotency-key': key } });
    const [a, b] = await Promise.all([approve(), approve()]);
    const c = await approve();
    expect(a.status === 200 || b.status === 200).toBe(true);
    expect(c.status).toBe(200);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect(c.body.version).toBe(3);
    const history = await call(`${newsroom.url}/articles/${body.id}/history`, { token: chief });
    expect(history.body.items.filter((h: any) => h.type === 'ArticleApproved')).toHaveLength(1);
    // Without the key, approving again is simply not possible any more.
    expect((await call(`${newsroom.url}/articles/${body.id}/approve`, { token: chief, body: {} })).status).toBe(409);
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
      headers: { 'idempotency-key': key },
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
