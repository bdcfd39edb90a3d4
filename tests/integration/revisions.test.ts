import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { keys } from '../../lambdas/store/keys.js';
import { DynamoRevisions } from '../../lambdas/store/revisions.js';
import { createArticle, editArticle } from '../../lambdas/usecases/articles.js';
import { getRevision, listRevisions, type RevisionDeps } from '../../lambdas/usecases/revisions.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: RevisionDeps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-revisions');
  deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    revisions: new DynamoRevisions(dynamo.db, dynamo.tableName),
    now: () => new Date(),
    newId: randomUUID,
  };
});
afterAll(() => dynamo.stop());

describe('revisions on DynamoDB', () => {
  it('a copy the article never came to hold (a write that failed after it) is neither listed nor read', async () => {
    const a = await createArticle(deps, rita, () => ({ headline: 'First', body: 'One.' }));
    await editArticle(deps, rita, a.id, () => ({ body: 'Two.' }), '"1"');
    // What a content write leaves when it dies between copying and the article's own write, one revision ahead.
    await dynamo.db.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: { ...keys.revision(a.id, 3), revision: 3, version: 3, kind: 'edited', headline: 'Never', tags: [] },
      }),
    );
    const page = await listRevisions(deps, rita, a.id, {});
    expect(page.items.map((r) => r.revision)).toEqual([2, 1]);
    await expect(getRevision(deps, rita, a.id, '3')).rejects.toBeInstanceOf(ProblemError);
    expect(await getRevision(deps, rita, a.id, '1')).toMatchObject({ headline: 'First', body: 'One.' });
    expect(await getRevision(deps, rita, a.id, '2')).toMatchObject({ headline: 'First', body: 'Two.' });
  });

  it('pages through sixty revisions newest first, without gaps or repeats', async () => {
    const a = await createArticle(deps, rita, () => ({ headline: 'Many', body: 'v1' }));
    let version = 1;
    for (let n = 2; n <= 60; n++) version = (await editArticle(deps, rita, a.id, () => ({ body: `v${n}` }), `"${version}"`)).version;
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRevisions(deps, rita, a.id, { limit: '7', cursor });
      seen.push(...page.items.map((r) => r.revision));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
  });
});
