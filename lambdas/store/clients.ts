import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Deps, WorkflowDeps } from '../usecases/articles.js';
import { DynamoArticleRepository, DynamoWorkflowRepository } from './article-repository.js';
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

/** For the functions that also create articles and change their content. */
export const articleDeps: Deps = /* @__PURE__ */ (() => ({
  articles: new DynamoArticleRepository(documentClient, tableName),
  now: () => new Date(),
  newId: randomUUID,
}))();
