import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { NEWSROOM_VERSION } from '../../lambdas/store/version.js';
import { WebhookPublisher, type WebhookAttempt } from '../../lambdas/adapters/webhook-publisher.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const WHSEC = `whsec_${randomBytes(32).toString('base64')}`;
const receivers: WebhookReceiver[] = [];
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await new WebhookReceiver(WHSEC).start();
  receivers.push(receiver);
});
afterEach(() => {
  jest.restoreAllMocks();
  receiver.answer = 204;
});
afterAll(async () => {
  for (const r of receivers) await r.stop();
});

let n = 0;
function approval(headline = 'Minister resigns'): DomainEvent {
  const articleId = `0b3b6a4e-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const at = new Date().toISOString();
  return {
    id: `${articleId}:3:ArticleApproved`,
    type: 'ArticleApproved',
    occurredAt: at,
    articleId,
    version: 3,
    from: 'in_review',
    to: 'published',
    actor: { id: 'carla', name: 'Carla Chief' },
    article: { headline, authorId: 'rita', status: 'published', publishAt: null, publishedAt: at },
  };
}

describe('webhooks are signed as Standard Webhooks 1.0', () => {
  it('a receiver using the standardwebhooks library accepts the delivery and reads the event from it', async () => {
    const event = approval('Ministre démissionne — 大臣辞任');
    await new WebhookPublisher([receiver.url], WHSEC).publish([event]);
    const [got] = receiver.of(event.articleId);
    expect(got!.headers).toMatchObject({
      'webhook-id': event.id,
      'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
      'x-newsroom-event': 'ArticleApproved',
      'x-newsroom-event-id': event.id,
    });
    expect(got!.headers).not.toHaveProperty('x-newsroom-signature');
    expect(Math.abs(Number(got!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expect(receiver.verify(got!)).toEqual(event);
    expect(got!.signatureValid).toBe(true);
  });

  it('a secret without the whsec_ prefix is used as its UTF-8 bytes', async () => {
    const secret = 'pässwörd-for-the-cms';
    const plain = await new WebhookReceiver(secret).start();
    receivers.push(plain);
    const event = approval();
    await new WebhookPublisher([plain.url], secret).publish([event]);
    expect(plain.of(event.articleId)[0]!.signatureValid).toBe(true);
    // The same string read as base64 (the whsec_ form) would be another key.
    expect(() =>
      new Webhook(Buffer.from(secret, 'latin1'), { format: 'raw' }).verify(
        plain.of(event.articleId)[0]!.raw,
        plain.of(event.articleId)[0]!.headers as Record<string, string>,
      ),
    ).toThrow();
  });

  it('a delivery captured and replayed more than five minutes later is refused by the library', async () => {
    const event = approval();
    await new WebhookPublisher([receiver.url], WHSEC).publish([event]);
    const captured = receiver.of(event.articleId)[0]!;
    expect(receiver.verify(captured)).toEqual(event);
    const sent = Number(captured.headers['webhook-timestamp']) * 1000;
    jest.spyOn(Date, 'now').mockReturnValue(sent + 6 * 60_000);
    expect(() => receiver.verify(captured)).toThrow(/timestamp too old/);
  });

  it('a body changed on the way, or signed with another secret, does not verify', async () => {
    const event = approval();
    await new WebhookPublisher([receiver.url], `whsec_${randomBytes(32).toString('base64')}`).publish([event]);
    const got = receiver.of(event.articleId)[0]!;
    expect(got.signatureValid).toBe(false);
    const event2 = approval();
    await new WebhookPublisher([receiver.url], WHSEC).publish([event2]);
    const good = receiver.of(event2.articleId)[0]!;
    expect(() => receiver.verify({ ...good, raw: good.raw.replace('Minister resigns', 'Minister arrested') })).toThrow(
      /No matching signature/,
    );
  });

  it('refuses a whsec_ secret that is not base64', () => {
    expect(() => new WebhookPublisher([receiver.url], 'whsec_not base64!')).toThrow(/whsec_ must continue with base64/);
  });
});

describe('what a webhook URL may do', () => {
  it('a redirect is a failed attempt: the signed body is never posted to where it points', async () => {
    receiver.answer = 307;
    receiver.location = '/hooks/elsewhere';
    const before = receiver.requests.length;
    const event = approval();
    await expect(new WebhookPublisher([receiver.url], WHSEC).publish([event])).rejects.toThrow(/answered 307, a redirect/);
    const paths = receiver.requests.slice(before).map((r) => r.path);
    expect(paths).toEqual(['/hooks/newsroom']);
    expect(receiver.of(event.articleId)).toEqual([]);
  });

  it('user and password in the URL go as HTTP Basic; failures name only the origin', async () => {
    const url = `http://cms-user:pa%24%24word@127.0.0.1:${receiver.port}/hooks/newsroom?token=query-secret`;
    const event = approval();
    await new WebhookPublisher([url], WHSEC).publish([event]);
    const request = receiver.requests.at(-1)!;
    expect(request.path).toBe('/hooks/newsroom?token=query-secret');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('cms-user:pa$$word').toString('base64')}`);

    receiver.answer = 500;
    const failed = await new WebhookPublisher([url], WHSEC).publish([approval()]).catch((e: Error) => e.message);
    expect(failed).toBe(`webhook http://127.0.0.1:${receiver.port} answered 500`);

    const down = await new WebhookReceiver(WHSEC).start();
    await down.stop();
    const closed = `http://cms-user:pa55word@127.0.0.1:${down.port}/hooks/newsroom?token=query-secret`;
    const unreachable = await new WebhookPublisher([closed], WHSEC).publish([approval()]).catch((e: Error) => e.message);
    expect(unreachable).toBe(`webhook http://127.0.0.1:${down.port} unreachable: ECONNREFUSED`);
  });
});

describe('what every webhook request says of itself', () => {
  it('names Newsroom and its version (package.json) in User-Agent', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(NEWSROOM_VERSION).toBe(version);
    const event = approval();
    await new WebhookPublisher([receiver.url], WHSEC).publish([event]);
    expect(receiver.of(event.articleId)[0]!.headers['user-agent']).toBe(`Newsroom-Webhooks/${version}`);
  });

  it('reports each attempt once, with its target origin, status or error, latency and attempt number', async () => {
    const attempts: WebhookAttempt[] = [];
    const url = `${receiver.url}?token=query-secret`;
    const publisher = new WebhookPublisher([url], WHSEC, { onAttempt: (a) => void attempts.push(a) });
    const event = approval();
    receiver.answer = 503;
    await expect(publisher.publish([event])).rejects.toThrow(/answered 503/);
    receiver.answer = 204;
    await publisher.publish([event]);
    await publisher.publish([event]); // already accepted: not sent again, not reported
    const origin = `http://127.0.0.1:${receiver.port}`;
    expect(attempts).toEqual([
      {
        event,
        eventId: event.id,
        articleId: event.articleId,
        target: origin,
        targetIndex: 0,
        attempt: 1,
        status: 503,
        error: `webhook ${origin} answered 503`,
        latencyMs: expect.any(Number),
        at: expect.any(String),
      },
      {
        event,
        eventId: event.id,
        articleId: event.articleId,
        target: origin,
        targetIndex: 0,
        attempt: 2,
        status: 204,
        latencyMs: expect.any(Number),
        at: expect.any(String),
      },
    ]);
    expect(Date.parse(attempts[0]!.at)).toBeLessThanOrEqual(Date.parse(attempts[1]!.at));
  });
});
