import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Article } from '../../lambdas/domain/article.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { DynamoArticleLists, LIST_READ_CAP } from '../../lambdas/store/list-pages.js';
import { startAwsJsonStub, type AwsJsonRequest } from '../support/aws-json-stub.js';

/**
 * A stand-in for the DynamoDB endpoint (JSON 1.0), for what a read costs and how it is asked
 * for, which dynalite cannot show: it serves an endless partition, and a filter that matches
 * nothing. DynamoDB bills a Query by the items it reads (ScannedCount), filtered out or not, and
 * stops a page at `Limit` items read or at 1 MB, whichever comes first, returning
 * LastEvaluatedKey ("Query", DynamoDB API reference; "Paginating table query results").
 */
const TABLE = 'newsroom';
/** How many items one Query page reads at most, as if 1 MB were reached there. */
const MB_PAGE = 30;

let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
let db: DynamoDBDocumentClient;
let served = 0;
let threadWithTombstones = false;

const at = (n: number) => new Date(Date.parse('2026-11-26T00:00:00.000Z') - n * 1000).toISOString();
function indexItem(n: number, body: any) {
  const id = `a${n}`;
  const sortAttr = body.IndexName === 'byTag' ? 'GSI7SK' : 'GSI1SK';
  const pkAttr = body.IndexName === 'byTag' ? 'GSI7PK' : 'GSI1PK';
  const key = {
    PK: { S: `ARTICLE#${id}` },
    SK: { S: body.IndexName === 'byTag' ? 'TAG#budget' : 'ARTICLE' },
    [pkAttr]: body.ExpressionAttributeValues[':pk'],
    [sortAttr]: { S: `${at(n)}#${id}` },
  };
  const summary = {
    id: { S: id },
    status: { S: 'draft' },
    version: { N: '1' },
    headline: { S: `Story ${n}` },
    authorId: { S: 'rita' },
    createdAt: { S: at(n) },
    updatedAt: { S: at(n) },
  };
  return { key, item: body.IndexName === 'byTag' ? key : { ...key, ...summary } };
}

function answer({ target, body }: AwsJsonRequest): unknown {
  if (target === 'DynamoDB_20120810.Query' && body.IndexName) {
    // Filtered: everything read is filtered out. Unfiltered: `Limit` items, and always more.
    const read = Math.min(body.Limit, MB_PAGE);
    const page = Array.from({ length: read }, (_, i) => indexItem(served + i, body));
    served += read;
    return {
      Items: body.FilterExpression ? [] : page.map((p) => p.item),
      Count: body.FilterExpression ? 0 : read,
      ScannedCount: read,
      LastEvaluatedKey: page.at(-1)!.key,
    };
  }
  // The articles the tag items point at were all deleted meanwhile: nothing comes back.
  if (target === 'DynamoDB_20120810.BatchGetItem') return {};
  if (target === 'DynamoDB_20120810.GetItem') return {};
  if (target === 'DynamoDB_20120810.Query' && threadWithTombstones) {
    // A thread whose first page read holds two comments and as many deleted ones as it takes to reach `Limit`.
    const first = body.ExclusiveStartKey === undefined;
    const read = Array.from({ length: body.Limit }, (_, i) => {
      const n = (first ? 0 : 100) + i;
      const key = { PK: { S: 'ARTICLE#a1' }, SK: { S: `COMMENT#${1795683600000 + n}-0123456789ab` } };
      return first && i >= 2
        ? { ...key, deletedAt: { S: at(0) } }
        : { ...key, author: { M: { id: { S: 'eddie' }, name: { S: 'Eddie' } } }, text: { S: `Note ${n}` }, createdAt: { S: at(0) } };
    });
    return { Items: read, Count: read.length, ScannedCount: read.length, LastEvaluatedKey: { PK: read.at(-1)!.PK, SK: read.at(-1)!.SK } };
  }
  if (target === 'DynamoDB_20120810.Query') return { Items: [], Count: 0, ScannedCount: 0 };
  throw new Error(`unexpected ${target}`);
}

beforeAll(async () => {
  stub = await startAwsJsonStub('1.0', answer);
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stub.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
      maxAttempts: 1,
    }),
  );
});
beforeEach(() => {
  stub.requests.length = 0;
  served = 0;
  threadWithTombstones = false;
});
afterAll(async () => {
  db.destroy();
  await stub.stop();
});

const queries = () => stub.requests.filter((r) => r.target === 'DynamoDB_20120810.Query');

describe('what a list page reads in DynamoDB', () => {
  it('an unfiltered source reads one page of exactly the items asked for', async () => {
    const page = await new DynamoArticleLists(db, TABLE).list({ sources: [{ by: 'status', status: 'draft' }], limit: 5 });
    expect(page.items.map((a) => a.headline)).toEqual(['Story 0', 'Story 1', 'Story 2', 'Story 3', 'Story 4']);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(queries().map((q) => q.body.Limit)).toEqual([5]);
  });

  it('a filtered source reads in large pages, and stops at the read cap however few matched', async () => {
    const page = await new DynamoArticleLists(db, TABLE).list({
      sources: [{ by: 'status', status: 'draft', authorIsNot: 'rita' }],
      limit: 5,
    });
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));
    // The first page stops at 1 MB (30 items read): the second reads only what the cap has left.
    expect(queries().map((q) => q.body.Limit)).toEqual([LIST_READ_CAP, LIST_READ_CAP - MB_PAGE]);
  });

  it('a tag source reads a page’s worth of pointers at a time, and no more than the read cap in all', async () => {
    const page = await new DynamoArticleLists(db, TABLE).list({
      sources: [{ by: 'tag', tag: 'budget', match: [{ statuses: ['draft'] }] }],
      limit: 20,
    });
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(queries().map((q) => q.body.Limit)).toEqual([20, 20, LIST_READ_CAP - 40]);
    expect(stub.requests.filter((r) => r.target === 'DynamoDB_20120810.BatchGetItem')).toHaveLength(3);
  });
});

describe('what a comment thread reads in DynamoDB', () => {
  const article = {
    id: 'a1',
    status: 'draft',
    version: 1,
    headline: 'Floods',
    body: 'Rivers rose.',
    authorId: 'rita',
    createdAt: at(0),
    updatedAt: at(0),
    tags: [],
  } as unknown as Article;

  it('reads past deleted comments only as many items as the page still needs, plus one to know there are more', async () => {
    threadWithTombstones = true;
    const page = await new DynamoCommentRepository(db, TABLE).comments(article, { limit: 5 });
    expect(page.items.map((c) => c.text)).toEqual(['Note 0', 'Note 1', 'Note 100', 'Note 101', 'Note 102']);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(queries().map((q) => q.body.Limit)).toEqual([6, 4]);
  });

  it('reads the comment and the thread strongly consistent, so a change just made is seen', async () => {
    const comments = new DynamoCommentRepository(db, TABLE);
    expect(await comments.getComment('a1', '1795683600000-0123456789ab')).toBeUndefined();
    expect(await comments.comments(article, { limit: 5 })).toEqual({ items: [], nextCursor: null });
    expect(stub.requests.map((r) => [r.target, r.body.ConsistentRead])).toEqual([
      ['DynamoDB_20120810.GetItem', true],
      ['DynamoDB_20120810.Query', true],
    ]);
  });
});
