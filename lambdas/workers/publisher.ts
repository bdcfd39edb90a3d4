import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScheduledEvent } from 'aws-lambda';
import { articleDeps, documentClient, tableName } from '../store/clients.js';
import { DynamoScheduleIndex } from '../store/schedule-index.js';
import { publishDue, type DueArticle } from '../usecases/publish-due.js';
import { publishEverythingDue } from './publish.js';

const logger = new Logger({ serviceName: 'newsroom-publisher' });
const metrics = new Metrics({ namespace: 'Newsroom', serviceName: 'publisher' });
const schedule = new DynamoScheduleIndex(documentClient, tableName);

const recordLag = (lateByMs: number) => metrics.addMetric('PublishLag', MetricUnit.Milliseconds, lateByMs);

/**
 * Invoked by an article's one-time schedule with `{ articleId, publishAt }`, and every minute
 * by the sweep, which publishes anything due that a schedule missed.
 */
export const handler = async (event: DueArticle | ScheduledEvent): Promise<void> => {
  try {
    if ('articleId' in event) {
      const result = await publishDue(articleDeps, event);
      if (result.outcome === 'published') recordLag(result.lateByMs);
      logger.info('schedule fired', { articleId: event.articleId, outcome: result.outcome });
    } else {
      const published = await publishEverythingDue(articleDeps, schedule, new Date(), (o) => recordLag(o.lateByMs));
      logger.info('sweep done', { published });
    }
  } finally {
    metrics.publishStoredMetrics();
  }
};
