import { describe, expect, it } from '@jest/globals';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleHistory } from '../../lambdas/store/article-history.js';
import { DynamoProfileStore } from '../../lambdas/store/profiles.js';
import { DynamoRevisions } from '../../lambdas/store/revisions.js';
import { DynamoSiteIndex } from '../../lambdas/store/site-index.js';

/**
 * DynamoDB's GetItem, Query and BatchGetItem read eventually consistent data unless the request
 * sets ConsistentRead (Developer Guide, "DynamoDB read consistency"): a read just after a write may
 * miss it. dynalite is always consistent, so what the adapters ask for is pinned here, against a
 * client that records each request and answers as an empty table does.
 */
function recordingClient() {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const db = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ command: command.constructor.name, input: command.input });
      if (command.constructor.name === 'QueryCommand') return { Items: [] };
      if (command.constructor.name === 'BatchGetCommand') return { Responses: { table: [] }, UnprocessedKeys: {} };
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { db, sent };
}

describe('reads that must see the latest write', () => {
  it('an article history reads the outbox and the history items strongly consistently, the outbox alone', async () => {
    const { db, sent } = recordingClient();
    await new DynamoArticleHistory(db, 'table').history('a1', { limit: 10 });
    expect(sent.map((s) => s.command)).toEqual(['GetCommand', 'QueryCommand']);
    expect(sent[0]!.input).toMatchObject({
      Key: { PK: 'ARTICLE#a1', SK: 'ARTICLE' },
      ProjectionExpression: 'outbox',
      ConsistentRead: true,
    });
    expect(sent[1]!.input).toMatchObject({ ConsistentRead: true, Limit: 11 });
  });

  it('a profile, the revisions list, the site records and the front-page mark are read strongly consistently', async () => {
    const { db, sent } = recordingClient();
    await new DynamoProfileStore(db, 'table').get('rita');
    await new DynamoRevisions(db, 'table').list('a1', 5, 20);
    const site = new DynamoSiteIndex(db, 'table');
    await site.get('a1');
    await site.frontStartedAt();
    await site.many(['a1']);
    expect(sent.map((s) => [s.command, s.input.ConsistentRead])).toEqual([
      ['GetCommand', true],
      ['QueryCommand', true],
      ['GetCommand', true],
      ['GetCommand', true],
      ['BatchGetCommand', undefined],
    ]);
    expect(sent[4]!.input.RequestItems).toEqual({ table: { Keys: [{ PK: 'SITE#a1', SK: 'SITE' }], ConsistentRead: true } });
  });
});
