import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { signingKey, WebhookPublisher, webhookOrigin, type WebhookAttempt } from '../../lambdas/adapters/webhook-publisher.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const WHSEC = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await new WebhookReceiver(WHSEC).start();
});
afterEach(() => {
  receiver.answer = 204;
  receiver.hang = false;
  receiver.delayMs = 0;
});
afterAll(async () => {
  await receiver.stop();
});

let n = 0;
function approval(): DomainEvent {
  const articleId = `7c1d2e3f-0000-4000-8000-${String(++n).padStart(12, '0')}`;
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
    article: { headline: 'Minister resigns', authorId: 'rita', status: 'published', publishAt: null, publishedAt: at },
  };
}

describe('the headers of a webhook request', () => {
  it('declare a JSON body', async () => {
    const event = approval();
    await new WebhookPublisher([receiver.url], WHSEC).publish([event]);
    expect(receiver.of(event.articleId)[0]!.headers['content-type']).toBe('application/json');
  });

  it('carry no signature when no secret is configured, and the delivery still goes', async () => {
    const event = approval();
    await new WebhookPublisher([receiver.url], undefined).publish([event]);
    const [got] = receiver.of(event.articleId);
    expect(got!.headers['webhook-id']).toBe(event.id);
    expect(got!.headers).not.toHaveProperty('webhook-signature');
  });

  it('carry no Authorization when the URL has no user information', async () => {
    const event = approval();
    await new WebhookPublisher([receiver.url], WHSEC).publish([event]);
    expect(receiver.of(event.articleId)[0]!.headers).not.toHaveProperty('authorization');
  });

  it('carry HTTP Basic with an empty user when the URL has only a password', async () => {
    const event = approval();
    await new WebhookPublisher([`http://:s3cret@127.0.0.1:${receiver.port}/hooks/newsroom`], WHSEC).publish([event]);
    expect(receiver.of(event.articleId)[0]!.headers.authorization).toBe('Basic OnMzY3JldA==');
  });
});

describe('what counts as a failed attempt, and what it says', () => {
  it('300 is a redirect, not followed; 400 is a plain refusal', async () => {
    const origin = `http://127.0.0.1:${receiver.port}`;
    receiver.answer = 300;
    await expect(new WebhookPublisher([receiver.url], WHSEC).publish([approval()])).rejects.toThrow(
      `webhook ${origin} answered 300, a redirect (not followed)`,
    );
    receiver.answer = 400;
    const refused = await new WebhookPublisher([receiver.url], WHSEC).publish([approval()]).catch((e: Error) => e.message);
    expect(refused).toBe(`webhook ${origin} answered 400`);
  });

  it('a target that does not answer in time fails with the time it was given', async () => {
    receiver.hang = true;
    const publisher = new WebhookPublisher([receiver.url], WHSEC, { timeoutMs: 100 });
    await expect(publisher.publish([approval()])).rejects.toThrow(
      `webhook http://127.0.0.1:${receiver.port} unreachable: no answer within 100 ms`,
    );
  });

  it('an attempt cut short by the caller stops at once and says it was aborted', async () => {
    receiver.hang = true;
    const publisher = new WebhookPublisher([receiver.url], WHSEC, { timeoutMs: 3_000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const started = Date.now();
    const failed = await publisher.deliver(publisher.targets[0]!, approval(), 1, stop.signal).catch((e: Error) => e.message);
    expect(failed).toBe(`webhook http://127.0.0.1:${receiver.port} unreachable: AbortError`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports how long the attempt took', async () => {
    receiver.delayMs = 200;
    const attempts: WebhookAttempt[] = [];
    const publisher = new WebhookPublisher([receiver.url], WHSEC, { onAttempt: (a) => void attempts.push(a) });
    const before = performance.now();
    await publisher.publish([approval()]);
    const took = performance.now() - before;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.latencyMs).toBeGreaterThanOrEqual(190);
    expect(attempts[0]!.latencyMs).toBeLessThanOrEqual(Math.ceil(took));
  });
});

describe('what logs show of a webhook URL', () => {
  it('its origin only, or that it is not a URL', () => {
    expect(webhookOrigin('https://user:pw@hooks.example.com:8443/in?token=t')).toBe('https://hooks.example.com:8443');
    expect(webhookOrigin('hooks.example.com/in')).toBe('(not a URL)');
  });
});

describe('webhook secrets', () => {
  it('whsec_ must be followed by whole base64, nothing before or after it', () => {
    expect(signingKey('whsec_AAECAw==')).toEqual(Buffer.from([0, 1, 2, 3]));
    for (const bad of ['whsec_!!!!AAAA', 'whsec_AAAA!!!!', 'whsec_AAAAA', 'whsec_AAAAAA']) {
      expect(() => signingKey(bad)).toThrow(/whsec_ must continue with base64/);
    }
  });
});
