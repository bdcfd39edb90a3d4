import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir, ROOT } from '../support/local-newsroom.js';
import { WebhookReceiver, type Received } from '../support/webhook-receiver.js';

const SECRET = 'lanes-secret';
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;
const running: { stop(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `work` over `items`, `n` at a time. */
async function inParallel<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function tokens(nr: LocalNewsroom) {
  return { reporter: await nr.token('rita', 'reporters'), chief: await nr.token('carla', 'chief-editors') };
}

/** Each article's events in the order the receiver took them, as `version:type`. */
function arrivals(received: readonly Received[], articleId: string) {
  return received.filter((r) => r.event.articleId === articleId).map((r) => `${r.event.version}:${r.type}`);
}

describe('the dispatcher after a receiver outage', () => {
  it('delivers the events of 100 articles, each in order, within seconds of the receiver coming back', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    await receiver.stop(); // down, its port known
    const nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
    running.push(nr);
    const { reporter, chief } = await tokens(nr);
    const outageStarted = Date.now();

    const ids: string[] = [];
    await inParallel(
      Array.from({ length: 100 }, (_, i) => i),
      4,
      async (i) => {
        const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: `Outage ${i}`, body: 'Copy.' } });
        expect((await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter })).status).toBe(200);
        const approved = await call(`${nr.url}/articles/${body.id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });
        expect(approved.status).toBe(200);
        ids.push(body.id);
      },
    );
    // A ten-second outage, as in the soak run: every article is deep in its backoff.
    await sleep(Math.max(0, outageStarted + 10_000 - Date.now()));
    expect(receiver.received).toHaveLength(0);

    await receiver.start();
    const recovered = Date.now();
    await eventually(() => receiver.received.length >= 400, 30_000, 20);
    const last = Math.max(...receiver.received.map((r) => r.at));

    // Generous against a loaded machine (the bench holds the 2 s budget), and still far below
    // what a dispatcher that waits out each article's backoff takes.
    expect(last - recovered).toBeLessThan(8_000);
    for (const id of ids)
      expect(arrivals(receiver.received, id)).toEqual([
        '1:ArticleCreated',
        '2:ArticleSubmitted',
        '3:ArticleApproved',
        '3:ArticlePublished',
      ]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(400);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  }, 90_000);
});

describe('a receiver that refuses one article', () => {
  it('holds back only that article, whose events still arrive in order once accepted; the others arrive promptly', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    const nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
    running.push(nr);
    const { reporter, chief } = await tokens(nr);
    const story = async (headline: string) =>
      (await call(`${nr.url}/articles`, { token: reporter, body: { headline, body: 'Copy.' } })).body.id as string;

    const refused = await story('Refused');
    receiver.answerFor = (event) => (event.articleId === refused ? 500 : 204);
    await call(`${nr.url}/articles/${refused}/submit`, { method: 'POST', token: reporter });
    await eventually(() => receiver.attempts >= 2, 10_000);
    await call(`${nr.url}/articles/${refused}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });

    // Other articles, written while that one is in its backoff, are not held back by it.
    for (let i = 0; i < 5; i++) {
      const id = await story(`Other ${i}`);
      const at = Date.now();
      await call(`${nr.url}/articles/${id}/submit`, { method: 'POST', token: reporter });
      const got = await eventually(() => receiver.of(id)[0], 10_000);
      expect(got.at - at).toBeLessThan(2_500);
    }
    expect(receiver.of(refused)).toHaveLength(0);

    receiver.answerFor = undefined;
    // Its lane may be waiting out a backoff of up to 30 s when the receiver starts accepting it.
    await eventually(() => receiver.of(refused).length >= 4, 60_000, 50);
    expect(arrivals(receiver.received, refused)).toEqual([
      '1:ArticleCreated',
      '2:ArticleSubmitted',
      '3:ArticleApproved',
      '3:ArticlePublished',
    ]);
  }, 90_000);
});

describe('two receivers, one of them hanging', () => {
  it('the healthy one keeps getting every event promptly and in order; the hanging one catches up once it answers', async () => {
    const hanging = await new WebhookReceiver(SECRET).start();
    const healthy = await new WebhookReceiver(SECRET).start();
    running.push(hanging, healthy);
    hanging.hang = true;
    // The hanging receiver comes first, so nothing can reach the healthy one by going around it.
    const nr = await new LocalNewsroom(newDataDir(), {
      NEWSROOM_WEBHOOK_URLS: `${hanging.url},${healthy.url}`,
      NEWSROOM_WEBHOOK_SECRET: SECRET,
    }).start();
    running.push(nr);
    const { reporter, chief } = await tokens(nr);

    const sent: { id: string; at: number }[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: `Hanging ${i}`, body: 'Copy.' } });
      ids.push(body.id);
      let at = Date.now();
      await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
      sent.push({ id: `${body.id}:2:ArticleSubmitted`, at });
      at = Date.now();
      await call(`${nr.url}/articles/${body.id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });
      sent.push({ id: `${body.id}:3:ArticleApproved`, at }, { id: `${body.id}:3:ArticlePublished`, at });
      await sleep(200);
    }
    await eventually(() => healthy.received.length >= ids.length * 4, 20_000, 20);

    // Each within a generous bound of its request: the hanging receiver's five-second timeouts cost it nothing.
    const lateness = sent.map((s) => healthy.received.find((r) => r.id === s.id)!.at - s.at);
    expect(Math.max(...lateness)).toBeLessThan(2_500);
    for (const id of ids)
      expect(arrivals(healthy.received, id)).toEqual(['1:ArticleCreated', '2:ArticleSubmitted', '3:ArticleApproved', '3:ArticlePublished']);
    expect(healthy.received.every((r) => r.headers['user-agent'] === `Newsroom-Webhooks/${VERSION}`)).toBe(true);
    expect(hanging.received).toHaveLength(0);

    hanging.hang = false;
    await eventually(() => hanging.received.length >= ids.length * 4, 40_000, 50);
    for (const id of ids)
      expect(arrivals(hanging.received, id)).toEqual(['1:ArticleCreated', '2:ArticleSubmitted', '3:ArticleApproved', '3:ArticlePublished']);
  }, 90_000);
});

describe('worker log lines', () => {
  it('carry the worker and the article, never the function or request of the API call before them, nor the URL', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    receiver.answer = 500;
    const nr = await new LocalNewsroom(newDataDir(), {
      NEWSROOM_WEBHOOK_URLS: `${receiver.url}?token=tok-5ecret`,
      NEWSROOM_WEBHOOK_SECRET: SECRET,
    }).start();
    running.push(nr);
    const { reporter } = await tokens(nr);
    const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: 'Logged', body: 'Copy.' } });
    await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
    // A read afterwards: its function is the last one the API's logger saw.
    await call(`${nr.url}/articles/${body.id}`, { token: reporter });

    const line = await eventually(() => {
      for (const text of nr.output.split('\n')) {
        if (!text.startsWith('{')) continue;
        const parsed = JSON.parse(text) as Record<string, unknown>;
        if (parsed.message === 'webhook delivery failed; will retry' && parsed.articleId === body.id) return { text, parsed };
      }
      return undefined;
    }, 15_000);
    expect(line.parsed).toMatchObject({
      level: 'WARN',
      service: 'newsroom-dispatcher',
      target: `http://127.0.0.1:${receiver.port}`,
      eventId: `${body.id}:1:ArticleCreated`,
      attempt: 1,
    });
    for (const key of ['function_name', 'function_arn', 'function_request_id', 'cold_start', 'routeKey'])
      expect(line.parsed).not.toHaveProperty(key);
    expect(line.text).not.toMatch(/articles(Read|Write|Review|Approve)|\/hooks\/newsroom|tok-5ecret|lanes-secret/);
  }, 60_000);
});
