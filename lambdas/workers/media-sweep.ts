import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { documentClient, tableName } from '../store/clients.js';
import { DynamoArticleLists } from '../store/list-pages.js';
import { mediaDeps } from '../store/media-clients.js';
import { verifyStalePendingUploads } from '../usecases/sweep-pending-media.js';

const logger = new Logger({ serviceName: 'newsroom-media-sweep' });
const lists = new DynamoArticleLists(documentClient, tableName);

/** Uploads pending this long get a second look (the form itself is valid for 15 minutes). */
export const STALE_AFTER_MS = 5 * 60 * 1000;

/** Every few minutes: verifies uploads whose object-created event never reached the verifier. */
export const handler = async (_event?: unknown, context?: Context): Promise<void> => {
  if (context) logger.addContext(context);
  const settled = await verifyStalePendingUploads(mediaDeps, lists, STALE_AFTER_MS);
  logger.info('pending uploads re-checked', { settled });
};
