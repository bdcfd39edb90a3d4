import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContentDeps, Deps, WorkflowDeps } from '../usecases/articles.js';
import { DynamoArticleRepository, DynamoContentRepository, DynamoWorkflowRepository } from './article-repository.js';
import { requireEnv } from './config.js';

/** Wiring for a Lambda: one client per container, configured from the environment. */
export const tableName = requireEnv('TABLE_NAME');

export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

// Pure: a function that never uses one of these leaves its repository class out of its bundle.

/** For the functions that read articles and move them through the workflow. */
export const workflowDeps: WorkflowDeps = /* @__PURE__ */ (() => ({
  articles: new DynamoWorkflowRepository(documentClient, tableName),
  now: () => new Date(),
  newId: randomUUID,
}))();

/** For the write function: reading, creating and editing articles, never moving them. */
export const contentDeps: ContentDeps = /* @__PURE__ */ (() => ({
  articles: new DynamoContentRepository(documentClient, tableName),
  now: () => new Date(),
  newId: randomUUID,
}))();

/** Everything: reading, moving, creating and editing articles (the local newsroom's workers). */
export const articleDeps: Deps = /* @__PURE__ */ (() => ({
  articles: new DynamoArticleRepository(documentClient, tableName),
  now: () => new Date(),
  newId: randomUUID,
}))();
