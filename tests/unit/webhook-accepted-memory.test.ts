import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { WebhookPublisher } from '../../lambdas/adapters/webhook-publisher.js';

/** A receiver that accepts everything and counts the deliveries of each event id. */
const deliveries = new Map<string, number>();
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

const ARTICLE = '5e0c1d2e-0000-4000-8000-000000000001';
const submitted = (version: number): DomainEvent => ({
  id: `${ARTICLE}:${version}:ArticleSubmitted`,
  type: 'ArticleSubmitted',
  occurredAt: '2026-11-25T19:00:00.000Z',
  articleId: ARTICLE,
  version,
  from: 'draft',
  to: 'in_review',
  actor: { id: 'rita', name: 'Rita' },
  article: { headline: 'H', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
});

describe('what a long-running publisher remembers of accepted deliveries', () => {
  it('the newest 10,000: the oldest is sent again only once 10,001 have been accepted since', async () => {
    const publisher = new WebhookPublisher([url], undefined);
    await publisher.publish(Array.from({ length: 10_000 }, (_, i) => submitted(i + 1)));
    const oldest = submitted(1);
    await publisher.publish([oldest]);
    expect(deliveries.get(oldest.id)).toBe(1);

    await publisher.publish([submitted(10_001)]);
    await publisher.publish([oldest]);
    expect(deliveries.get(oldest.id)).toBe(2);
  }, 30_000);
});
