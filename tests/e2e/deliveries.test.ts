import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: WebhookReceiver;
let nr: LocalNewsroom;
let reporter: string;
let editor: string;
let chief: string;

beforeAll(async () => {
  receiver = await new WebhookReceiver(SECRET).start();
  nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
  [reporter, editor, chief] = await Promise.all([
    nr.token('rita', 'reporters'),
    nr.token('eddie', 'editors'),
    nr.token('carla', 'chief-editors'),
  ]);
}, 60_000);
afterAll(async () => {
  await nr?.stop();
  await receiver?.stop();
});

const deliveries = (query: string, token = editor) => call(`${nr.url}/deliveries?${query}`, { token });
const find = (items: any[], eventId: string) => items.find((d) => d.eventId === eventId);

describe('the delivery log', () => {
  it('shows failed attempts with their status code, what waits behind them, and then the delivery', async () => {
    receiver.answer = 503;
    const { body: article } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: 'Logged', body: 'Copy.' } });
    const created = `${article.id}:1:ArticleCreated`;

    const failed = await eventually(async () => {
      const { body } = await deliveries('status=failed');
      const d = find(body.items, created);
      return d?.attempts >= 2 ? d : undefined;
    }, 15_000);
    expect(failed).toMatchObject({
      eventType: 'ArticleCreated',
      articleId: article.id,
      status: 'failed',
      target: { id: '1', origin: `http://127.0.0.1:${receiver.port}` },
      lastAttempt: { statusCode: 503, attempt: failed.attempts },
    });
    expect(failed.recentAttempts.map((a: any) => a.attempt)).toEqual(Array.from({ length: failed.attempts }, (_, i) => i + 1));
    for (const a of failed.recentAttempts) {
      expect(a.statusCode).toBe(503);
      expect(a.latencyMs).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(a.at))).toBe(false);
    }
    // The target is named by its origin: never the path, which may carry a token.
    expect(JSON.stringify(failed)).not.toContain('/hooks/newsroom');

    // The article's next event waits behind the failing one, never attempted: pending.
    await call(`${nr.url}/articles/${article.id}/submit`, { method: 'POST', token: reporter });
    const submitted = `${article.id}:2:ArticleSubmitted`;
    const pending = await eventually(
      async () => find((await deliveries(`status=pending&articleId=${article.id}`)).body.items, submitted),
      15_000,
    );
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, lastAttempt: null });

    receiver.answer = 204;
    const delivered = await eventually(async () => {
      const { body } = await deliveries(`articleId=${article.id}&status=delivered`);
      return body.items.length === 2 ? body.items : undefined;
    }, 40_000);
    // Newest event first.
    expect(delivered.map((d: any) => d.eventId)).toEqual([submitted, created]);
    expect(delivered[1].status).toBe('delivered');
    expect(delivered[1].attempts).toBeGreaterThan(failed.attempts);
    expect(delivered[1].lastAttempt.statusCode).toBe(204);
    expect(delivered[0]).toMatchObject({ attempts: 1, lastAttempt: { attempt: 1, statusCode: 204 } });
    expect(find((await deliveries('status=failed')).body.items, created)).toBeUndefined();
  }, 90_000);

  it('redelivers an event for the chief editor: same webhook-id, a valid signature, and a new attempt in the log', async () => {
    receiver.answer = 204;
    const { body: article } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: 'Again', body: 'Copy.' } });
    await call(`${nr.url}/articles/${article.id}/submit`, { method: 'POST', token: reporter });
    const eventId = `${article.id}:2:ArticleSubmitted`;
    await eventually(() => receiver.received.some((r) => r.id === eventId) || undefined);
    const before = await eventually(async () => {
      const d = find((await deliveries(`articleId=${article.id}`)).body.items, eventId);
      return d?.status === 'delivered' ? d : undefined;
    });

    const redeliver = (token: string, id = eventId) =>
      call(`${nr.url}/deliveries/${encodeURIComponent(id)}/redeliver`, { method: 'POST', token });
    // An editor reads the log but may not redeliver; to a reporter, who may not read it, the event is not there.
    for (const [token, status] of [
      [editor, 403],
      [reporter, 404],
    ] as const) {
      const refused = await redeliver(token);
      expect(refused.status).toBe(status);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
    const unknown = await redeliver(chief, `${article.id}:99:ArticleSubmitted`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect((await redeliver(chief, 'not an event')).status).toBe(404);
    expect(receiver.received.filter((r) => r.id === eventId)).toHaveLength(1);

    const res = await redeliver(chief);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ eventId, targets: [{ id: '1', origin: `http://127.0.0.1:${receiver.port}` }] });
    const copies = await eventually(() => {
      const got = receiver.received.filter((r) => r.id === eventId);
      return got.length === 2 ? got : undefined;
    });
    expect(copies.map((c) => c.headers['webhook-id'])).toEqual([eventId, eventId]);
    expect(copies[1]!.signatureValid).toBe(true);
    expect(() => receiver.verify(copies[1]!)).not.toThrow();
    expect(copies[1]!.raw).toBe(copies[0]!.raw);

    const after = find((await deliveries(`articleId=${article.id}`)).body.items, eventId);
    expect(after).toMatchObject({
      status: 'delivered',
      attempts: before.attempts + 1,
      lastAttempt: { attempt: before.attempts + 1, statusCode: 204 },
    });
  }, 60_000);

  it('is for editors and the chief editor only, and names a bad parameter', async () => {
    const refused = await deliveries('', reporter);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect((await deliveries('', chief)).status).toBe(200);
    expect((await call(`${nr.url}/deliveries`)).status).toBe(401);

    for (const [query, parameter] of [
      ['status=lost', 'status'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['articleId=..%2Fx', 'articleId'],
      ['cursor=nonsense', 'cursor'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await deliveries(query);
      expect({ query, status: res.status, type: res.headers.get('content-type') }).toEqual({
        query,
        status: 400,
        type: 'application/problem+json',
      });
      expect(JSON.stringify(res.body)).toContain(parameter);
    }

    // A cursor belongs to the query it came from.
    const page = await deliveries('limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const other = await deliveries(`status=failed&cursor=${page.body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ pointer: '/query/cursor', message: expect.any(String) }]);
    expect((await deliveries(`limit=1&cursor=${page.body.nextCursor}`)).status).toBe(200);
  });
});
