import { describe, expect, it } from '@jest/globals';
import { ValidationException, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { atExpression, ScheduleKeeper } from '../../lambdas/adapters/schedule-keeper.js';

const target = {
  groupName: 'NewsroomApp-articles',
  publisherArn: 'arn:aws:lambda:eu-west-1:1:function:pub',
  invokeRoleArn: 'arn:aws:iam::1:role/invoke',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:1:dlq',
};

describe('one-time schedules', () => {
  it('never fire before publishAt: at() rounds up to the next whole second, in UTC', () => {
    expect(atExpression('2026-11-26T06:00:00.000Z')).toBe('at(2026-11-26T06:00:00)');
    expect(atExpression('2026-11-26T06:00:00.001Z')).toBe('at(2026-11-26T06:00:01)');
    expect(atExpression('2026-12-31T23:59:59.500Z')).toBe('at(2027-01-01T00:00:00)');
  });

  it('are exact, deleted after completion, retried and dead-lettered, and name the article', () => {
    const keeper = new ScheduleKeeper({} as SchedulerClient, target);
    expect(keeper.schedule('a1', '2026-11-26T06:00:00.000Z')).toEqual({
      Name: 'article-a1',
      GroupName: 'NewsroomApp-articles',
      ScheduleExpression: 'at(2026-11-26T06:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: target.publisherArn,
        RoleArn: target.invokeRoleArn,
        Input: JSON.stringify({ articleId: 'a1', publishAt: '2026-11-26T06:00:00.000Z' }),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 20 },
        DeadLetterConfig: { Arn: target.deadLetterArn },
      },
    });
  });

  it('follow the events: created on ArticleScheduled, deleted on ArticlePublished', async () => {
    const sent: string[] = [];
    const client = {
      send: async (cmd: { constructor: { name: string } }) => void sent.push(cmd.constructor.name),
    } as unknown as SchedulerClient;
    const keeper = new ScheduleKeeper(client, target, () => new Date('2026-11-25T20:00:00.000Z'));
    const base = {
      occurredAt: '',
      articleId: 'a1',
      version: 3,
      from: 'in_review',
      to: 'scheduled',
      actor: { id: 'c', name: 'C' },
    } as const;
    await keeper.publish([
      {
        ...base,
        id: 'a1:3:ArticleApproved',
        type: 'ArticleApproved',
        article: { headline: 'h', authorId: 'r', status: 'scheduled', publishAt: '2026-11-26T06:00:00.000Z', publishedAt: null },
      },
      {
        ...base,
        id: 'a1:3:ArticleScheduled',
        type: 'ArticleScheduled',
        article: { headline: 'h', authorId: 'r', status: 'scheduled', publishAt: '2026-11-26T06:00:00.000Z', publishedAt: null },
      },
      {
        ...base,
        id: 'a1:4:ArticlePublished',
        type: 'ArticlePublished',
        version: 4,
        article: {
          headline: 'h',
          authorId: 'r',
          status: 'published',
          publishAt: '2026-11-26T06:00:00.000Z',
          publishedAt: '2026-11-26T06:00:00.100Z',
        },
      },
    ]);
    expect(sent).toEqual(['CreateScheduleCommand', 'DeleteScheduleCommand']);
  });

  it('deletes the schedule when a scheduled article is killed, and touches none for other kills', async () => {
    const sent: string[] = [];
    const client = {
      send: async (cmd: { constructor: { name: string } }) => void sent.push(cmd.constructor.name),
    } as unknown as SchedulerClient;
    const keeper = new ScheduleKeeper(client, target, () => new Date('2026-11-25T20:00:00.000Z'));
    const killed = (from: 'scheduled' | 'published'): DomainEvent => ({
      ...scheduledFor('2026-11-26T06:00:00.000Z'),
      id: `a1:5:ArticleKilled`,
      type: 'ArticleKilled',
      version: 5,
      from,
      to: 'killed',
      reason: 'Legal',
      article: { headline: 'h', authorId: 'r', status: 'killed', publishAt: null, publishedAt: null },
    });
    await keeper.publish([killed('published')]);
    expect(sent).toEqual([]);
    await keeper.publish([killed('scheduled')]);
    expect(sent).toEqual(['DeleteScheduleCommand']);
  });
});

/** An ArticleScheduled event for `publishAt`, as the dispatcher hands it over. */
const scheduledFor = (publishAt: string): DomainEvent => ({
  id: `a1:3:ArticleScheduled`,
  type: 'ArticleScheduled',
  occurredAt: '2026-11-26T05:59:00.000Z',
  articleId: 'a1',
  version: 3,
  from: 'in_review',
  to: 'scheduled',
  actor: { id: 'c', name: 'C' },
  article: { headline: 'h', authorId: 'r', status: 'scheduled', publishAt, publishedAt: null },
});

/** EventBridge Scheduler as documented: it refuses an at() expression for a time already past. */
function scheduler(clock: { now: number }, opts: { refuse?: 'past' | 'always'; advanceMsPerCall?: number } = {}) {
  const sent: string[] = [];
  const client = {
    send: async (cmd: { constructor: { name: string }; input: { ScheduleExpression?: string } }) => {
      sent.push(cmd.constructor.name);
      clock.now += opts.advanceMsPerCall ?? 0;
      const at = /^at\((.+)\)$/.exec(cmd.input.ScheduleExpression ?? '')?.[1];
      if (at && (opts.refuse === 'always' || Date.parse(`${at}Z`) <= clock.now)) {
        throw new ValidationException({
          Message: 'The schedule expression is invalid.',
          message: 'The schedule expression is invalid.',
          $metadata: { httpStatusCode: 400 },
        });
      }
    },
  } as unknown as SchedulerClient;
  return { client, sent };
}

describe('one-time schedules and times that are (nearly) past', () => {
  it('creates none for a time less than a minute ahead: the one-minute sweep publishes it', async () => {
    const clock = { now: Date.parse('2026-11-26T05:59:30.000Z') };
    const { client, sent } = scheduler(clock);
    const keeper = new ScheduleKeeper(client, target, () => new Date(clock.now));
    await keeper.publish([scheduledFor('2026-11-26T06:00:00.000Z')]);
    await keeper.publish([scheduledFor('2026-11-26T05:59:30.005Z')]);
    await keeper.publish([scheduledFor('2026-11-26T05:00:00.000Z')]);
    // Only deletes, so a schedule left from an earlier time does not linger.
    expect(sent.filter((c) => c !== 'DeleteScheduleCommand')).toEqual([]);
  });

  it('creates one for a time a minute or more ahead', async () => {
    const clock = { now: Date.parse('2026-11-26T05:59:00.000Z') };
    const { client, sent } = scheduler(clock);
    await new ScheduleKeeper(client, target, () => new Date(clock.now)).publish([scheduledFor('2026-11-26T06:00:00.000Z')]);
    expect(sent).toEqual(['CreateScheduleCommand']);
  });

  it('treats a refusal for a time that passed meanwhile as done, never as a delivery failure', async () => {
    const clock = { now: Date.parse('2026-11-26T05:58:59.000Z') };
    // Each call to Scheduler takes 31 s: by the time it is asked, 06:00:00 is less than a minute away... and past after the next.
    const { client, sent } = scheduler(clock, { refuse: 'always', advanceMsPerCall: 31_000 });
    const keeper = new ScheduleKeeper(client, target, () => new Date(clock.now));
    await expect(keeper.publish([scheduledFor('2026-11-26T06:00:00.000Z')])).resolves.toBeUndefined();
    expect(sent).toEqual(['CreateScheduleCommand', 'DeleteScheduleCommand']);
  });

  it('still fails on a refusal for a time well ahead, so a real fault is retried and seen', async () => {
    const clock = { now: Date.parse('2026-11-25T20:00:00.000Z') };
    const { client } = scheduler(clock, { refuse: 'always' });
    const keeper = new ScheduleKeeper(client, target, () => new Date(clock.now));
    await expect(keeper.publish([scheduledFor('2026-11-26T06:00:00.000Z')])).rejects.toBeInstanceOf(ValidationException);
  });
});
