import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { documentClient, tableName, workflowDeps } from '../store/clients.js';
import { DynamoScheduleIndex } from '../store/schedule-index.js';
import type { DueArticle } from '../usecases/publish-due.js';
import { publishOnTime } from '../usecases/publish-on-time.js';
import { publishEverythingDue } from './publish.js';

const logger = new Logger({ serviceName: 'newsroom-publisher' });
const metrics = new Metrics({ namespace: 'Newsroom', serviceName: 'publisher' });
const schedule = new DynamoScheduleIndex(documentClient, tableName);

const recordLag = (lateByMs: number) => metrics.addMetric('PublishLag', MetricUnit.Milliseconds, lateByMs);

/** What an invocation keeps in hand after waiting for an early trigger's time: enough to write and report. */
const MARGIN_MS = 5_000;

/**
 * Invoked by an article's one-time schedule with `{ articleId, publishAt }` (up to 59 s early:
 * it waits, within its timeout, and publishes on time), and every minute by the sweep, which
 * publishes anything due that a schedule missed.
 */
export const handler = async (event: DueArticle | ScheduledEvent, context?: Context): Promise<void> => {
  if (context) logger.addContext(context);
  try {
    if ('articleId' in event) {
      const maxWaitMs = Math.max(0, (context?.getRemainingTimeInMillis() ?? 0) - MARGIN_MS);
      const result = await publishOnTime(workflowDeps, event, { maxWaitMs });
      if (result.outcome === 'published') recordLag(result.lateByMs);
      logger.info('schedule fired', { articleId: event.articleId, outcome: result.outcome });
    } else {
      const published = await publishEverythingDue(workflowDeps, schedule, new Date(), (o) => recordLag(o.lateByMs));
      logger.info('sweep done', { published });
    }
  } finally {
    metrics.publishStoredMetrics();
  }
};
