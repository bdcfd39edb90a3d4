import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newDraft, type Actor, type Article, type Correction, type RevisionInfo } from '../../lambdas/domain/article.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { Media } from '../../lambdas/domain/media.js';
import type { EventType } from '../../lambdas/domain/workflow.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { DynamoScheduleIndex } from '../../lambdas/store/schedule-index.js';
import { WriteConflict } from '../../lambdas/usecases/ports.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const CREATED = '2026-11-25T09:00:00.000Z';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let repo: DynamoMediaArticleRepository;
beforeAll(async () => {
  dynamo = await startDynamo();
  repo = new DynamoMediaArticleRepository(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

function event(article: { id: string }, version: number, type: EventType, occurredAt = CREATED): DomainEvent {
  return {
    id: `${article.id}:${version}:${type}`,
    type,
    occurredAt,
    articleId: article.id,
    version,
    from: 'draft',
    to: 'draft',
    actor: { id: rita.id, name: rita.name },
    article: { headline: 'Border', authorId: rita.id, status: 'draft', publishAt: null, publishedAt: null },
  };
}

function file(status: Media['status'], id = 'm1'): Media {
  return {
    id,
    filename: 'dawn.png',
    contentType: 'image/png',
    size: 73,
    caption: 'Dawn',
    credit: 'Rita',
    status,
    reason: status === 'rejected' ? 'Not a PNG.' : null,
    width: status === 'ready' ? 4 : null,
    height: status === 'ready' ? 3 : null,
    createdAt: CREATED,
    verifiedAt: status === 'pending' ? null : '2026-11-25T09:01:00.000Z',
  };
}

async function created(tags: string[] = []): Promise<Article> {
  const article = newDraft({
    id: randomUUID(),
    author: rita,
    now: CREATED,
    content: { headline: 'Border', standfirst: '', body: 'Copy.', tags },
  });
  await repo.create(article, [event(article, 1, 'ArticleCreated')]);
  return (await repo.get(article.id))!;
}

async function withPendingFile(): Promise<Article> {
  const article = await created();
  await repo.attachMedia(article, file('pending'), 10);
  return (await repo.get(article.id))!;
}

async function rawItem(id: string, sk = 'ARTICLE') {
  const { Item } = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${id}`, SK: sk } }));
  return Item!;
}

const revision = (seen: Article, kind: RevisionInfo['kind'] = 'edited'): RevisionInfo => ({
  revision: seen.revision + 1,
  version: seen.version + 1,
  kind,
  actor: { id: rita.id, name: rita.name },
  at: '2026-11-25T10:00:00.000Z',
  fields: ['body'],
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the write to be refused');
}

describe('creating an article', () => {
  it('puts it on the pending-events index by creation time, with its events numbered', async () => {
    const article = await created();
    const item = await rawItem(article.id);
    expect(item.GSI3PK).toBe('OUTBOX');
    expect(item.GSI3SK).toBe(`2026-11-25T09:00:00.000Z#${article.id}`);
    expect(item.outbox).toEqual([{ ...event(article, 1, 'ArticleCreated'), seq: 0 }]);
  });
});

describe('moving an article through the workflow', () => {
  it('refuses a verified-media transition while the stored article still counts an unverified file', async () => {
    const seen = await withPendingFile();
    const refused = await rejection(
      repo.transition(seen, { status: 'in_review' }, [], '2026-11-25T10:00:00.000Z', { mediaVerified: true }),
    );
    expect(refused).toBeInstanceOf(WriteConflict);
    const moved = await repo.transition(seen, { status: 'in_review' }, [], '2026-11-25T10:00:00.000Z');
    expect(moved.status).toBe('in_review');
  });

  it('adds scheduled articles to the schedule by their publication time and takes them off when they move on', async () => {
    const schedule = new DynamoScheduleIndex(dynamo.db, dynamo.tableName);
    const seen = await created();
    const publishAt = '2099-01-01T06:00:00.000Z';
    const scheduled = await repo.transition(seen, { status: 'scheduled', publishAt }, [], '2026-11-25T10:00:00.000Z');
    expect(await schedule.dueBy('2099-01-01T06:00:00.000Z', 100)).toContainEqual({ articleId: seen.id, publishAt });
    expect(await schedule.dueBy('2099-01-01T05:59:59.999Z', 100)).not.toContainEqual({ articleId: seen.id, publishAt });
    await repo.transition(scheduled, { status: 'published', publishedAt: publishAt }, [], publishAt);
    expect(await schedule.dueBy('2099-01-01T06:00:00.000Z', 100)).not.toContainEqual({ articleId: seen.id, publishAt });
  });

  it('leaves an article whose events were all delivered off the pending index when a write adds none', async () => {
    const outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
    const seen = await created();
    expect(await outbox.acknowledgeAll(seen.id, await outbox.pendingEvents(seen.id))).toBe(true);
    await repo.transition(seen, { status: 'in_review' }, [], '2026-11-25T10:00:00.000Z');
    const item = await rawItem(seen.id);
    expect(item.GSI3PK).toBeUndefined();
    expect(item.outbox).toEqual([]);
  });
});

describe('editing an article', () => {
  it('keeps every public correction, oldest first', async () => {
    let seen = await created();
    const notes: Correction[] = ['Name spelt wrong.', 'Date corrected.'].map((note, i) => ({
      revision: i + 2,
      kind: 'correction',
      note,
      at: '2026-11-25T10:00:00.000Z',
      by: { id: rita.id, name: rita.name },
    }));
    for (const correction of notes) {
      seen = await repo.saveContent(seen, { body: `Copy, ${correction.note}` }, '2026-11-25T10:00:00.000Z', {
        revision: revision(seen, 'corrected'),
        events: [],
        correction,
      });
    }
    expect((await repo.get(seen.id))!.corrections).toEqual(notes);
  });

  it('remembers the Idempotency-Key that made an edit across later edits made without one', async () => {
    let seen = await created();
    seen = await repo.saveContent(seen, { body: 'Second.' }, '2026-11-25T10:00:00.000Z', {
      revision: revision(seen),
      events: [],
      appliedKey: { recordId: 'key-1', fingerprint: 'fp-1' },
    });
    seen = await repo.saveContent(seen, { body: 'Third.' }, '2026-11-25T10:01:00.000Z', { revision: revision(seen), events: [] });
    expect(seen.version).toBe(3);
    expect((await rawItem(seen.id)).appliedKeys).toEqual({ 'key-1': { v: 2, f: 'fp-1' } });
  });

  it('writes tag items only for the tags an edit adds, and takes removed tags out of their lists', async () => {
    const seen = await created(['alpha', 'beta']);
    await repo.saveContent(seen, { tags: ['beta', 'gamma'] }, '2026-11-25T10:00:00.000Z', {
      revision: { ...revision(seen), fields: ['tags'] },
      events: [],
    });
    const { Items = [] } = await dynamo.db.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :tag)',
        ExpressionAttributeValues: { ':pk': `ARTICLE#${seen.id}`, ':tag': 'TAG#' },
      }),
    );
    const bySk = Object.fromEntries(Items.map((i) => [i.SK, { listed: i.GSI7PK !== undefined, claimedBy: i.claimedBy }]));
    expect(bySk).toEqual({
      'TAG#alpha': { listed: false, claimedBy: 2 },
      'TAG#beta': { listed: true, claimedBy: 1 },
      'TAG#gamma': { listed: true, claimedBy: 2 },
    });
  });
});

describe('files on an article', () => {
  it('a ready verdict moves the version to the event, unblocks approval and queues the event, once', async () => {
    const seen = await withPendingFile();
    const ready = event(seen, seen.version + 1, 'MediaReady', '2026-11-25T09:02:00.000Z');
    expect(await repo.settleMedia(seen.id, file('ready'), ready)).toBe(true);
    const item = await rawItem(seen.id);
    expect(item.version).toBe(seen.version + 1);
    expect(item.mediaBlocking).toBe(0);
    expect((item.media as Record<string, Media>).m1!.status).toBe('ready');
    expect((item.outbox as DomainEvent[]).map((e) => e.id)).toEqual([`${seen.id}:1:ArticleCreated`, ready.id]);
    expect(await repo.settleMedia(seen.id, file('ready'), event(seen, seen.version + 2, 'MediaReady'))).toBe(false);
  });

  it('a rejected file keeps holding approval back', async () => {
    const seen = await withPendingFile();
    expect(await repo.settleMedia(seen.id, file('rejected'), event(seen, seen.version + 1, 'MediaRejected'))).toBe(true);
    expect((await rawItem(seen.id)).mediaBlocking).toBe(1);
  });

  it('an expired upload stops holding approval back, once', async () => {
    const seen = await withPendingFile();
    expect(await repo.expireMedia(seen.id, file('expired'))).toBe(true);
    const item = await rawItem(seen.id);
    expect(item.mediaBlocking).toBe(0);
    expect(item.version).toBe(seen.version + 1);
    expect((item.media as Record<string, Media>).m1!.status).toBe('expired');
    expect(await repo.expireMedia(seen.id, file('expired'))).toBe(false);
  });

  it('removing a pending file unblocks approval', async () => {
    const seen = await withPendingFile();
    await repo.removeMedia(seen, seen.media!.m1!);
    const item = await rawItem(seen.id);
    expect(item.mediaBlocking).toBe(0);
    expect(item.media).toEqual({});
    const after = (await repo.get(seen.id))!;
    const approved = await repo.transition(after, { status: 'in_review' }, [], '2026-11-25T10:00:00.000Z', { mediaVerified: true });
    expect(approved.status).toBe('in_review');
  });

  it('describing a file changes only the fields given and moves the version on', async () => {
    const seen = await withPendingFile();
    await repo.describeMedia(seen, 'm1', { caption: 'Dusk', credit: undefined });
    const after = (await repo.get(seen.id))!;
    expect(after.version).toBe(seen.version + 1);
    expect({ ...after.media!.m1 }).toEqual({ ...file('pending'), caption: 'Dusk', credit: 'Rita' });
    await repo.describeMedia(after, 'm1', { credit: 'Agency' });
    expect((await repo.get(seen.id))!.media!.m1).toMatchObject({ caption: 'Dusk', credit: 'Agency' });
  });

  it('describing a file that is not there, or on an article that moved, is a conflict', async () => {
    const seen = await withPendingFile();
    expect(await rejection(repo.describeMedia(seen, 'm2', { caption: 'Dusk' }))).toBeInstanceOf(WriteConflict);
    const moved = await repo.transition(seen, { status: 'in_review' }, [], '2026-11-25T10:00:00.000Z');
    expect(moved.status).toBe('in_review');
    expect(await rejection(repo.describeMedia(seen, 'm1', { caption: 'Dusk' }))).toBeInstanceOf(WriteConflict);
    expect((await repo.get(seen.id))!.media!.m1!.caption).toBe('Dawn');
  });
});

describe('a table that cannot be written', () => {
  it('reports the database error, never a conflict or a quiet false', async () => {
    const seen = await withPendingFile();
    const broken = new DynamoMediaArticleRepository(dynamo.db, 'no-such-table');
    const errors = [
      await rejection(broken.create({ ...seen, id: randomUUID() }, [])),
      await rejection(broken.transition(seen, { status: 'in_review' }, [], '2026-11-25T10:00:00.000Z')),
      await rejection(broken.attachMedia(seen, file('pending', 'm2'), 10)),
      await rejection(broken.settleMedia(seen.id, file('ready'), event(seen, seen.version + 1, 'MediaReady'))),
      await rejection(broken.expireMedia(seen.id, file('expired'))),
    ];
    for (const err of errors) {
      expect(err).not.toBeInstanceOf(WriteConflict);
      expect((err as Error).name).toBe('ResourceNotFoundException');
    }
  });

  it('reports the database error when claiming a slug, instead of trying the next one', async () => {
    const broken = new DynamoMediaArticleRepository(dynamo.db, 'no-such-table');
    const err = await rejection(broken.claimSlug(randomUUID(), (n) => `border-${n}`));
    expect((err as Error).name).toBe('ResourceNotFoundException');
  }, 5_000);
});

describe('an edit whose copy of the previous revision cannot be written', () => {
  it('fails, leaving the article as it was', async () => {
    // DynamoDB throttles the revision copy's PutItem; every other request reaches the table.
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand' && JSON.stringify(args.input).includes('REVISION#')) {
          throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} });
        }
        return next(args);
      },
      { step: 'build' },
    );
    const throttled = new DynamoMediaArticleRepository(
      DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
      dynamo.tableName,
    );
    const seen = await created();
    const err = await rejection(
      throttled.saveContent(seen, { body: 'Second.' }, '2026-11-25T10:00:00.000Z', { revision: revision(seen), events: [] }),
    );
    expect(err).toBeInstanceOf(ProvisionedThroughputExceededException);
    const after = (await repo.get(seen.id))!;
    expect(after.version).toBe(1);
    expect(after.body).toBe('Copy.');
    client.destroy();
  });
});
