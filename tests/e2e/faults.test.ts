import { afterAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'faults';
const running: { stop(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
});

async function newsroomWith(receiver: WebhookReceiver, dataDir = newDataDir()) {
  const nr = await new LocalNewsroom(dataDir, { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
  running.push(nr);
  return nr;
}

async function approveStories(nr: LocalNewsroom, count: number) {
  const reporter = await nr.token('rita', 'reporters');
  const chief = await nr.token('carla', 'chief-editors');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: `Fault ${i}`, body: 'Copy.' } });
    await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
    await call(`${nr.url}/articles/${body.id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });
    ids.push(body.id);
  }
  return ids;
}

/** Every expected event arrived, in version order per article, and any duplicate is the same event again. */
function expectComplete(receiver: WebhookReceiver, ids: string[]) {
  for (const id of ids) {
    const got = receiver.of(id);
    const unique = [...new Map(got.map((r) => [r.id, r])).values()];
    expect(unique.map((r) => r.id)).toEqual([
      `${id}:1:ArticleCreated`,
      `${id}:2:ArticleSubmitted`,
      `${id}:3:ArticleApproved`,
      `${id}:3:ArticlePublished`,
    ]);
    for (const r of got) expect(r.event.id).toBe(r.id);
    expect(got.every((r) => r.signatureValid)).toBe(true);
  }
}

describe('deliveries survive a receiver that fails', () => {
  it('answering 500 for a while: every event arrives once it recovers', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    receiver.answer = 500;
    const nr = await newsroomWith(receiver);
    const ids = await approveStories(nr, 5);
    await eventually(() => receiver.attempts >= 3, 10_000);
    receiver.answer = 204;
    await eventually(() => ids.every((id) => receiver.of(id).length >= 4), 40_000, 100);
    expectComplete(receiver, ids);
  });

  it('too slow to answer: deliveries time out and are retried until it is quick again', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    receiver.delayMs = 6_000;
    const nr = await newsroomWith(receiver);
    const ids = await approveStories(nr, 2);
    await eventually(() => receiver.attempts >= 1, 10_000);
    await new Promise((r) => setTimeout(r, 5_500));
    receiver.delayMs = 0;
    await eventually(() => ids.every((id) => receiver.of(id).length >= 4), 60_000, 100);
    expectComplete(receiver, ids);
  });
});

describe('a crash in the middle of a burst', () => {
  it('loses no acknowledged change, leaves no impossible state, and drains the outbox after restart', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    const dataDir = newDataDir();
    const first = await new LocalNewsroom(dataDir, { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
    const reporter = await first.token('rita', 'reporters');
    const chief = await first.token('carla', 'chief-editors');

    // What the clients were told succeeded: article id → the version the last 2xx returned.
    const acknowledged = new Map<string, { version: number; status: string }>();
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const c = await call(`${first.url}/articles`, { token: reporter, body: { headline: `Burst ${n}.${i}`, body: 'Copy.' } });
          if (c.status !== 201) continue;
          acknowledged.set(c.body.id, { version: 1, status: 'draft' });
          const s = await call(`${first.url}/articles/${c.body.id}/submit`, { method: 'POST', token: reporter });
          if (s.status === 200) acknowledged.set(c.body.id, { version: 2, status: 'in_review' });
          const a = await call(`${first.url}/articles/${c.body.id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });
          if (a.status === 200) acknowledged.set(c.body.id, { version: 3, status: 'published' });
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await first.stop('SIGKILL')).toBeNull();
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.size).toBeGreaterThan(5);

    const second = await new LocalNewsroom(dataDir, { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
    running.push(second);
    const transitionsFor: Record<number, string[]> = {
      1: ['ArticleCreated'],
      2: ['ArticleCreated', 'ArticleSubmitted'],
      3: ['ArticleCreated', 'ArticleSubmitted', 'ArticleApproved', 'ArticlePublished'],
    };
    for (const [id, seen] of acknowledged) {
      const { status, body } = await call(`${second.url}/articles/${id}`, { token: chief });
      expect(status).toBe(200);
      expect(body.version).toBeGreaterThanOrEqual(seen.version);
      expect({ draft: 1, in_review: 2, published: 3 }[body.status as string]).toBe(body.version);
      if (body.status === 'published') expect(body.publishedAt).toEqual(expect.any(String));
      if (body.status === 'in_review') expect(body.submittedAt).toEqual(expect.any(String));
      const history = await call(`${second.url}/articles/${id}/history`, { token: chief });
      expect(history.body.items.map((h: { type: string }) => h.type)).toEqual(transitionsFor[body.version]);
    }
    // The outbox drains: every transition of every article reaches the receiver.
    await eventually(
      async () => {
        for (const id of acknowledged.keys()) {
          const { body } = await call(`${second.url}/articles/${id}`, { token: chief });
          const expected = transitionsFor[body.version]!.length;
          if (new Set(receiver.of(id).map((r) => r.id)).size !== expected) return false;
        }
        return true;
      },
      20_000,
      200,
    );
  });
});
