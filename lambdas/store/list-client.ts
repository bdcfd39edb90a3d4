import { DynamoArticleHistory } from './article-history.js';
import { documentClient, tableName } from './clients.js';
import { DynamoArticleLists } from './list-pages.js';

/** Wiring for the read function: only it queries the list indexes and reads history. */
export const articleLists = new DynamoArticleLists(documentClient, tableName);
export const articleHistoryReader = new DynamoArticleHistory(documentClient, tableName);
