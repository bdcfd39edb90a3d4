import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const running: { stop(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
});

describe('a webhook URL that carries credentials, on a receiver that redirects for a while', () => {
  it('never follows the redirect, never shows the credentials, and delivers once the receiver answers', async () => {
    const receiver = await new WebhookReceiver(SECRET).start();
    running.push(receiver);
    receiver.answer = 307;
    receiver.location = '/hooks/elsewhere';
    const url = `http://desk-bot:hunter2-pass@127.0.0.1:${receiver.port}/hooks/newsroom?token=tok-9f8e7d`;
    const nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
    running.push(nr);

    const reporter = await nr.token('rita', 'reporters');
    const chief = await nr.token('carla', 'chief-editors');
    const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline: 'Redirected', body: 'Copy.' } });
    await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
    expect((await call(`${nr.url}/articles/${body.id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } })).status).toBe(
      200,
    );

    // Each attempt is refused by the redirect and retried later; none goes where the redirect points.
    await eventually(() => receiver.attempts >= 3, 15_000, 50);
    await eventually(() => /answered 307/.test(nr.output), 5_000, 50);
    expect(new Set(receiver.requests.map((r) => r.path))).toEqual(new Set(['/hooks/newsroom?token=tok-9f8e7d']));

    // The banner and every retry warning show the origin only.
    expect(nr.output).toContain(`webhooks: http://127.0.0.1:${receiver.port}\n`);
    for (const secret of ['desk-bot', 'hunter2-pass', 'tok-9f8e7d', '/hooks/newsroom']) expect(nr.output).not.toContain(secret);

    receiver.answer = 204;
    const got = await eventually(() => (receiver.of(body.id).length >= 4 ? receiver.of(body.id) : undefined), 40_000, 100);
    expect(got.map((r) => r.type)).toEqual(['ArticleCreated', 'ArticleSubmitted', 'ArticleApproved', 'ArticlePublished']);
    expect(got.every((r) => r.signatureValid)).toBe(true);
    expect(got.map((r) => r.headers['webhook-id'])).toEqual(got.map((r) => r.event.id));
    expect(got.every((r) => r.headers.authorization === `Basic ${Buffer.from('desk-bot:hunter2-pass').toString('base64')}`)).toBe(true);
  });
});

describe('a malformed webhook URL', () => {
  it('stops the start with one line naming the setting, without echoing what may be a credential', async () => {
    const newsroom = new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: 'htps://desk:hunter2@hooks.example.com/in' });
    await expect(newsroom.start()).rejects.toThrow(/NEWSROOM_WEBHOOK_URLS: entry 1 of 1 is not an http\(s\) URL/);
    expect(newsroom.output).not.toContain('hunter2');
  });
});
