import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Revision } from '../domain/article.js';
import type { RevisionStore } from '../usecases/ports.js';
import { decodeBody } from './article-item.js';
import { keys } from './keys.js';

/** An article's earlier revisions: immutable items under its partition; only the revisions function reads them. */
export class DynamoRevisions implements RevisionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(articleId: string, before: number, limit: number): Promise<Revision[]> {
    const { PK, SK: last } = keys.revision(articleId, before - 1);
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': PK, ':first': keys.revisionPrefix, ':last': last },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map(toRevision);
  }

  async get(articleId: string, revision: number): Promise<Revision | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.revision(articleId, revision) }));
    return Item ? toRevision(Item) : undefined;
  }
}

function toRevision(item: Record<string, unknown>): Revision {
  const { revision, version, kind, actor, at, fields, headline, standfirst, tags } = item as unknown as Revision;
  return { revision, version, kind, actor, at, fields, headline, standfirst, body: decodeBody(item.bodyZ as Uint8Array), tags };
}
