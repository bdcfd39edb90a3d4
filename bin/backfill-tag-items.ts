#!/usr/bin/env node
/**
 * Gives every article written before tag lists existed its tag items, once, after the deploy that
 * adds the byTag index. Run against the deployed table with the usual AWS credentials:
 *
 *   npx tsx bin/backfill-tag-items.ts --table "$(aws ssm get-parameter --name /NewsroomStateful/tableName --query Parameter.Value --output text)"
 *
 * It scans article items (an operator's one-off job, never a request path) and claims their tags
 * as the article's own writes do, at the article's version: running it twice, or while the
 * newsroom is in use, is harmless (a later write's claim or release stands).
 */
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tagKeys } from '../lambdas/domain/tags.js';
import { keys } from '../lambdas/store/keys.js';
import { TagItems } from '../lambdas/store/tag-items.js';

/** Claims every article's tags; answers how many articles it looked at. */
export async function backfillTagItems(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const tags = new TagItems(db, tableName);
  let articles = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'SK = :article AND begins_with(PK, :prefix)',
        ExpressionAttributeValues: { ':article': keys.article('').SK, ':prefix': keys.article('').PK },
        ProjectionExpression: 'id, createdAt, version, tags',
        ExclusiveStartKey,
      }),
    );
    for (const a of page.Items ?? []) {
      await tags.claim(
        { id: a.id as string, createdAt: a.createdAt as string },
        tagKeys((a.tags as string[] | undefined) ?? []),
        a.version as number,
      );
      articles++;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return articles;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--table');
  const tableName = at > 0 ? process.argv[at + 1] : undefined;
  if (!tableName) {
    console.error('Usage: npx tsx bin/backfill-tag-items.ts --table <table name> (the NewsroomStateful stack’s tableName parameter)');
    process.exit(2);
  }
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const n = await backfillTagItems(db, tableName);
  console.log(`Tag items claimed for ${n} articles in ${tableName}.`);
}
