import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { newDraft, type Actor, type Article } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { Media } from '../../lambdas/domain/media.js';
import type { EventType } from '../../lambdas/domain/workflow.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { itemBytes } from '../../lambdas/store/item-size.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const NOW = '2026-11-25T09:00:00.000Z';
/** DynamoDB's 400 KiB item limit less the 2 KiB every article keeps free. */
const BUDGET = 400 * 1024 - 2 * 1024;

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let repo: DynamoMediaArticleRepository;
beforeAll(async () => {
  dynamo = await startDynamo();
  repo = new DynamoMediaArticleRepository(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

function event(id: string, version: number, type: EventType, reason?: string): DomainEvent {
  return {
    id: `${id}:${version}:${type}`,
    type,
    occurredAt: NOW,
    articleId: id,
    version,
    from: 'draft',
    to: 'draft',
    actor: { id: rita.id, name: rita.name },
    article: { headline: 'Border', authorId: rita.id, status: 'draft', publishAt: null, publishedAt: null },
    ...(reason === undefined ? {} : { reason }),
  };
}

const pendingFile: Media = {
  id: 'm1',
  filename: 'dawn.png',
  contentType: 'image/png',
  size: 73,
  caption: null,
  credit: null,
  status: 'pending',
  reason: null,
  width: null,
  height: null,
  createdAt: NOW,
  verifiedAt: null,
};

const draft = (standfirst: string): Article =>
  newDraft({ id: randomUUID(), author: rita, now: NOW, content: { headline: 'Border', standfirst, body: 'Copy.', tags: [] } });

/** The stored size of the article's item, as DynamoDB measures it. */
async function storedBytes(id: string): Promise<number> {
  const { Item } = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'ARTICLE' } }));
  return itemBytes(Item!);
}

/**
 * An article whose undelivered ArticleCreated event carries 5,000 bytes, padded (by its ASCII
 * standfirst) to `room` bytes under the budget.
 */
async function nearlyFull(room: number): Promise<Article> {
  const probe = draft('');
  await repo.create(probe, [event(probe.id, 1, 'ArticleCreated', 'r'.repeat(5_000))]);
  const padding = BUDGET - room - (await storedBytes(probe.id));
  const article = draft('s'.repeat(padding));
  await repo.create(article, [event(article.id, 1, 'ArticleCreated', 'r'.repeat(5_000))]);
  expect(await storedBytes(article.id)).toBe(BUDGET - room);
  return (await repo.get(article.id))!;
}

async function refusal(p: Promise<unknown>): Promise<ProblemError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return err;
    throw err;
  }
  throw new Error('expected the write to be refused');
}

describe('the size budget of article writes', () => {
  it('refuses to create an article too large to store as 413, storing nothing', async () => {
    const article = draft('s'.repeat(BUDGET));
    const refused = await refusal(repo.create(article, [event(article.id, 1, 'ArticleCreated')]));
    expect(refused.statusCode).toBe(413);
    expect(await repo.get(article.id)).toBeUndefined();
  });

  it('counts the undelivered events and the new one against a transition, refusing it as 409', async () => {
    const seen = await nearlyFull(300);
    const refused = await refusal(repo.transition(seen, { status: 'in_review' }, [event(seen.id, 2, 'ArticleSubmitted')], NOW));
    expect(refused.statusCode).toBe(409);
    expect((await repo.get(seen.id))!.status).toBe('draft');
  });

  it('counts the undelivered events and the new one against an edit, refusing it as 413', async () => {
    const seen = await nearlyFull(100);
    const edit = repo.saveContent(seen, { headline: 'Border closed' }, NOW, {
      revision: { revision: 2, version: 2, kind: 'edited', actor: { id: rita.id, name: rita.name }, at: NOW, fields: ['headline'] },
      events: [event(seen.id, 2, 'ArticleEdited')],
    });
    const refused = await refusal(edit);
    expect(refused.statusCode).toBe(413);
    expect((await repo.get(seen.id))!.headline).toBe('Border');
  });

  it('counts a longer caption against the article, refusing it as 409', async () => {
    const article = await nearlyFull(3_000);
    await repo.attachMedia(article, pendingFile, 10);
    const seen = (await repo.get(article.id))!;
    const refused = await refusal(repo.describeMedia(seen, 'm1', { caption: 'c'.repeat(2_500) }));
    expect(refused.statusCode).toBe(409);
    expect((await repo.get(seen.id))!.media!.m1!.caption).toBeNull();
  });

  it.each([
    ['scheduled', { status: 'scheduled' as const, publishAt: '2099-01-01T06:00:00.000Z' }],
    ['in review', { status: 'in_review' as const }],
    ['published', { status: 'published' as const, publishAt: '2099-01-01T06:00:00.000Z', publishedAt: '2099-01-01T06:00:00.000Z' }],
  ])('accepts a transition to %s that fills the budget exactly, and refuses one a byte larger', async (_name, move) => {
    const submitted = (seen: Article) => repo.transition(seen, move, [event(seen.id, 2, 'ArticleSubmitted')], NOW);
    // How much the transition adds to the stored item, measured on an article with room to spare.
    const roomy = await nearlyFull(10_000);
    const before = await storedBytes(roomy.id);
    await submitted(roomy);
    const growth = (await storedBytes(roomy.id)) - before;

    const exact = await nearlyFull(growth);
    expect((await submitted(exact)).status).toBe(move.status);
    expect(await storedBytes(exact.id)).toBe(BUDGET);

    const over = await nearlyFull(growth - 1);
    expect((await refusal(submitted(over))).statusCode).toBe(409);
  });
});
