import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { EventBridgePublisher } from '../../lambdas/adapters/eventbridge-publisher.js';
import { startAwsJsonStub, type AwsJsonRequest } from '../support/aws-json-stub.js';

/**
 * A stand-in for the EventBridge endpoint speaking its documented wire protocol (JSON 1.1,
 * `X-Amz-Target: AWSEvents.PutEvents`): it records each request and answers as PutEvents does,
 * with HTTP 200 and a `FailedEntryCount` even when entries were refused.
 */
let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
let client: EventBridgeClient;
let calls: AwsJsonRequest[];
let refuse: string | undefined;

beforeAll(async () => {
  stub = await startAwsJsonStub('1.1', ({ body }) =>
    refuse !== undefined && JSON.parse(body.Entries[0].Detail).id === refuse
      ? { FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] }
      : { FailedEntryCount: 0, Entries: [{ EventId: `eb-${stub.requests.length}` }] },
  );
  calls = stub.requests;
  client = new EventBridgeClient({
    endpoint: stub.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await stub.stop();
});

const event = (id: string, type: DomainEvent['type'], version: number): DomainEvent =>
  ({
    id,
    type,
    articleId: 'a1',
    version,
    occurredAt: '2026-11-25T10:00:00.250Z',
    actor: { id: 'carla', name: 'Carla' },
    article: { id: 'a1', headline: 'Border', status: 'published' },
  }) as unknown as DomainEvent;

describe('the EventBridge publisher', () => {
  it('puts each event on the bus in its own PutEvents call, in order, with its type and time', async () => {
    calls.length = 0;
    refuse = undefined;
    const events = [event('e1', 'ArticleApproved', 3), event('e2', 'ArticlePublished', 3)];
    await new EventBridgePublisher(client, 'newsroom-bus').publish(events);

    expect(calls.map((c) => c.target)).toEqual(['AWSEvents.PutEvents', 'AWSEvents.PutEvents']);
    expect(calls.map((c) => c.body.Entries.length)).toEqual([1, 1]);
    const [first, second] = calls.map((c) => c.body.Entries[0]);
    expect(first).toMatchObject({ EventBusName: 'newsroom-bus', Source: 'newsroom.articles', DetailType: 'ArticleApproved' });
    expect(JSON.parse(first.Detail)).toEqual(events[0]);
    expect(second).toMatchObject({ DetailType: 'ArticlePublished' });
    expect(JSON.parse(second.Detail).id).toBe('e2');
    // Time is sent as epoch seconds; the event's own time, not the time of sending.
    expect(first.Time * 1000).toBe(Date.parse('2026-11-25T10:00:00.250Z'));
  });

  it('fails when EventBridge refuses an entry (HTTP 200 with FailedEntryCount) and sends nothing after it', async () => {
    calls.length = 0;
    refuse = 'e2';
    const publishing = new EventBridgePublisher(client, 'newsroom-bus').publish([
      event('e1', 'ArticleSubmitted', 2),
      event('e2', 'ChangesRequested', 3),
      event('e3', 'ArticleSubmitted', 4),
    ]);
    await expect(publishing).rejects.toThrow('EventBridge refused e2: ThrottlingException');
    expect(calls.map((c) => JSON.parse(c.body.Entries[0].Detail).id)).toEqual(['e1', 'e2']);
  });

  it('sends nothing for an empty batch', async () => {
    calls.length = 0;
    refuse = undefined;
    await new EventBridgePublisher(client, 'newsroom-bus').publish([]);
    expect(calls).toEqual([]);
  });
});
