import { afterAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { freshEtag } from '../support/etag.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'restart-secret';
const running: { stop(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
});

async function approvedStory(newsroom: LocalNewsroom, headline: string) {
  const [reporter, chief] = await Promise.all([newsroom.token('rita', 'reporters'), newsroom.token('carla', 'chief-editors')]);
  const { body } = await call(`${newsroom.url}/articles`, { token: reporter, body: { headline, body: 'Copy filed at night.' } });
  await call(`${newsroom.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
  const approved = await call(`${newsroom.url}/articles/${body.id}/approve`, {
    token: chief,
    body: {},
    headers: await freshEtag(`${newsroom.url}/articles/${body.id}`, chief),
  });
  expect(approved.status).toBe(200);
  return body.id as string;
}

describe('notifications survive a receiver outage and a restart', () => {
  it('delivers an approval made while the receiver was down, once it is back', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    await receiver.stop(); // down, but its port is known
    const newsroom = await new LocalNewsroom(newDataDir(), {
      NEWSROOM_WEBHOOK_URLS: receiver.url,
      NEWSROOM_WEBHOOK_SECRET: SECRET,
    }).start();
    running.push(newsroom);

    const id = await approvedStory(newsroom, 'Approved during an outage');
    await new Promise((r) => setTimeout(r, 600));
    expect(receiver.of(id)).toHaveLength(0);

    await receiver.start();
    const got = await eventually(() => (receiver.of(id).length >= 4 ? receiver.of(id) : undefined), 40_000, 100);
    expect(got.map((r) => r.type)).toEqual(['ArticleCreated', 'ArticleSubmitted', 'ArticleApproved', 'ArticlePublished']);
    expect(got.every((r) => r.signatureValid)).toBe(true);
  });

  it('keeps every article and every undelivered event across a restart with the same data directory', async () => {
    const dataDir = newDataDir();
    const receiver = new WebhookReceiver(SECRET);
    await receiver.start();
    running.push(receiver);
    await receiver.stop();
    const env = { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET };

    const first = await new LocalNewsroom(dataDir, env).start();
    const id = await approvedStory(first, 'Survives a restart');
    const reporter = await first.token('rita', 'reporters');
    const { body: draft } = await call(`${first.url}/articles`, {
      token: reporter,
      body: { headline: 'Unfinished', body: 'Half a story.' },
    });
    expect(await first.stop('SIGTERM')).toBe(0);

    await receiver.start();
    const second = await new LocalNewsroom(dataDir, env).start();
    running.push(second);
    const again = await call(`${second.url}/articles/${id}`, { token: reporter });
    expect(again.body).toMatchObject({ id, status: 'published', version: 3, headline: 'Survives a restart' });
    expect((await call(`${second.url}/articles/${draft.id}`, { token: reporter })).body).toMatchObject({
      status: 'draft',
      headline: 'Unfinished',
    });

    const got = await eventually(() => (receiver.of(id).length >= 4 ? receiver.of(id) : undefined), 10_000);
    expect(got.map((r) => r.id)).toEqual([
      `${id}:1:ArticleCreated`,
      `${id}:2:ArticleSubmitted`,
      `${id}:3:ArticleApproved`,
      `${id}:3:ArticlePublished`,
    ]);
    const history = await call(`${second.url}/articles/${id}/history`, { token: reporter });
    expect(history.body.items.map((h: any) => h.type)).toEqual([
      'ArticleCreated',
      'ArticleSubmitted',
      'ArticleApproved',
      'ArticlePublished',
    ]);
  });
});
