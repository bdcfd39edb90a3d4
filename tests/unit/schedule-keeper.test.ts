import { describe, expect, it } from '@jest/globals';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { atExpression, ScheduleKeeper } from '../../lambdas/store/schedule-keeper.js';

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
    const keeper = new ScheduleKeeper(client, target);
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
});
