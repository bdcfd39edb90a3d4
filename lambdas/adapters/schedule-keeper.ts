import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

export interface ScheduleTarget {
  groupName: string;
  publisherArn: string;
  invokeRoleArn: string;
  deadLetterArn: string;
}

/** EventBridge Scheduler's `at()` takes whole seconds: round up, never fire before publishAt. */
export function atExpression(publishAt: string): string {
  const ms = Date.parse(publishAt);
  const seconds = new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19);
  return `at(${seconds})`;
}

export const scheduleName = (articleId: string) => `article-${articleId}`;

/**
 * Scheduler fires to the minute and refuses an `at()` already past: a time closer than this
 * gets no schedule; the publisher's one-minute sweep publishes it.
 */
export const MIN_SCHEDULE_LEAD_MS = 60_000;

/**
 * Keeps one one-time schedule per scheduled article, following its events: created or moved
 * on ArticleScheduled, deleted on ArticleUnscheduled, ArticlePublished and a kill from
 * `scheduled` (ArticleKilled with `from: scheduled`). Every call is
 * idempotent, so redelivered events are harmless. A time less than a minute ahead (or one
 * Scheduler refuses as past) is left to the sweep: that is done, never a delivery failure that
 * would keep the article's events stuck in its outbox.
 */
export class ScheduleKeeper implements EventPublisher {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: ScheduleTarget,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      if (e.type === 'ArticleScheduled' && e.article.publishAt) await this.upsert(e.articleId, e.article.publishAt);
      if (e.type === 'ArticleUnscheduled' || e.type === 'ArticlePublished' || (e.type === 'ArticleKilled' && e.from === 'scheduled')) {
        await this.remove(e.articleId);
      }
    }
  }

  schedule(articleId: string, publishAt: string): CreateScheduleCommandInput {
    return {
      Name: scheduleName(articleId),
      GroupName: this.target.groupName,
      ScheduleExpression: atExpression(publishAt),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: this.target.publisherArn,
        RoleArn: this.target.invokeRoleArn,
        Input: JSON.stringify({ articleId, publishAt }),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 20 },
        DeadLetterConfig: { Arn: this.target.deadLetterArn },
      },
    };
  }

  private async upsert(articleId: string, publishAt: string): Promise<void> {
    // Too close to schedule: drop any schedule for an earlier time, the sweep publishes this one.
    if (this.leftToSweep(publishAt)) return this.remove(articleId);
    const input = this.schedule(articleId, publishAt);
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (err) {
      if (this.refusedAsPast(err, publishAt)) return this.remove(articleId);
      if (!(err instanceof ConflictException)) throw err;
      try {
        await this.client.send(new UpdateScheduleCommand(input));
      } catch (updateErr) {
        if (this.refusedAsPast(updateErr, publishAt)) return this.remove(articleId);
        throw updateErr;
      }
    }
  }

  private leftToSweep(publishAt: string): boolean {
    return Date.parse(publishAt) - this.now().getTime() < MIN_SCHEDULE_LEAD_MS;
  }

  /** Scheduler answers ValidationException for an `at()` in the past; only then, for a time that is (nearly) past, is it done. */
  private refusedAsPast(err: unknown, publishAt: string): boolean {
    return err instanceof ValidationException && this.leftToSweep(publishAt);
  }

  private async remove(articleId: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: scheduleName(articleId), GroupName: this.target.groupName }));
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
  }
}

/** Hands each batch to every publisher in turn; one failing stops the batch for a retry. */
export class FanOut implements EventPublisher {
  constructor(private readonly publishers: readonly EventPublisher[]) {}
  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const p of this.publishers) await p.publish(events);
  }
}
