import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../usecases/articles.js';
import { DynamoArticleRepository } from './article-repository.js';
import { requireEnv } from './config.js';

/** Wiring for a Lambda: one client per container, configured from the environment. */
export const tableName = requireEnv('TABLE_NAME');

export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export const articleDeps: Deps = {
  articles: new DynamoArticleRepository(documentClient, tableName),
  now: () => new Date(),
  newId: randomUUID,
};
