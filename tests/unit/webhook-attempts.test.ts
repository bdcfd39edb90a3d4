import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { WebhookPublisher, type WebhookAttempt } from '../../lambdas/adapters/webhook-publisher.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
let up: WebhookReceiver;
let down: WebhookReceiver;
beforeAll(async () => {
  up = await new WebhookReceiver(SECRET).start();
  down = await new WebhookReceiver(SECRET).start();
  await down.stop();
});
afterAll(() => up.stop());

const event = (version: number): DomainEvent => ({
  id: `a-1:${version}:ArticleSubmitted`,
  type: 'ArticleSubmitted',
  occurredAt: new Date().toISOString(),
  articleId: 'a-1',
  version,
  from: 'draft',
  to: 'in_review',
  actor: { id: 'rita', name: 'Rita' },
  article: { headline: 'H', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
});

describe('the webhook publisher reports every attempt', () => {
  it('with the status code answered, or why there was none, the target by position and origin, and how long it took', async () => {
    const attempts: WebhookAttempt[] = [];
    const publisher = new WebhookPublisher([`http://user:pw@127.0.0.1:${up.port}/hooks/x?token=t`, down.url], SECRET, {
      onAttempt: async (a) => void attempts.push(a),
    });
    up.answer = 307;
    await expect(publisher.publish([event(2)])).rejects.toThrow(/redirect/);
    up.answer = 204;
    await expect(publisher.publish([event(2)])).rejects.toThrow(/unreachable/);
    expect(attempts.map((a) => [a.event.id, a.targetIndex, a.target, a.status, a.error])).toEqual([
      ['a-1:2:ArticleSubmitted', 0, `http://127.0.0.1:${up.port}`, 307, expect.stringMatching(/redirect/)],
      ['a-1:2:ArticleSubmitted', 0, `http://127.0.0.1:${up.port}`, 204, undefined],
      ['a-1:2:ArticleSubmitted', 1, `http://127.0.0.1:${down.port}`, undefined, expect.stringMatching(/unreachable: /)],
    ]);
    for (const a of attempts) {
      expect(a.latencyMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(a.at)).toBeLessThanOrEqual(Date.now());
    }
    // Nothing of the URL but its origin: the credentials, path and query stay out of the log.
    expect(JSON.stringify(attempts)).not.toMatch(/pw|token|hooks/);
  });
});
