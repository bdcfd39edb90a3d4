import { Logger } from '@aws-lambda-powertools/logger';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { CloudFrontInvalidator } from '../adapters/cloudfront-invalidations.js';
import { S3SiteFiles } from '../adapters/s3-site-files.js';
import { SiteQueue } from '../adapters/sqs-site-queue.js';
import { DynamoArticleReader } from '../store/article-repository.js';
import { documentClient, tableName } from '../store/clients.js';
import { requireEnv } from '../store/config.js';
import { DynamoAuthorProfiles } from '../store/profiles.js';
import { DynamoSiteIndex } from '../store/site-index.js';
import { siteRenderer } from '../usecases/render-site.js';
import { renderInOrder } from './site-batch.js';

const logger = new Logger({ serviceName: 'newsroom-site-renderer' });
const renderer = siteRenderer({
  articles: new DynamoArticleReader(documentClient, tableName),
  profiles: new DynamoAuthorProfiles(documentClient, tableName),
  files: new S3SiteFiles(new S3Client({}), requireEnv('SITE_BUCKET'), requireEnv('MEDIA_BUCKET')),
  cdn: new CloudFrontInvalidator(new CloudFrontClient({}), requireEnv('SITE_DISTRIBUTION_ID')),
  index: new DynamoSiteIndex(documentClient, tableName),
  front: new SiteQueue(new SQSClient({}), requireEnv('SITE_QUEUE_URL')),
  site: { baseUrl: requireEnv('SITE_URL'), title: process.env.SITE_TITLE ?? 'Newsroom' },
  now: () => new Date(),
});

/**
 * Renders the site from its FIFO queue: each article's messages in order (one message group per
 * article), front-page requests in a group of their own. A failed message and the later ones of
 * its group go back to the queue; every 15 minutes a schedule runs the repair pass.
 */
export const handler = async (event: SQSEvent | ScheduledEvent, context?: Context): Promise<SQSBatchResponse | void> => {
  if (context) logger.addContext(context);
  if (!('Records' in event)) {
    const repaired = await renderer.repair();
    logger.info('site repair done', { repaired });
    return;
  }
  return renderInOrder(
    event.Records,
    (message) => renderer.handle(message),
    (messageId, receiveCount, err) =>
      logger.warn('site render failed; the queue retries it', { messageId, receiveCount, error: String(err) }),
  );
};
