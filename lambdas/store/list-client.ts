import { documentClient, tableName } from './clients.js';
import { DynamoArticleLists } from './list-pages.js';

/** Wiring for the read function: only it queries the list indexes. */
export const articleLists = new DynamoArticleLists(documentClient, tableName);
