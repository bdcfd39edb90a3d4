import { describe, expect, it } from '@jest/globals';
import {
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ValidationException,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { FanOut, ScheduleKeeper } from '../../lambdas/adapters/schedule-keeper.js';

const target = {
  groupName: 'NewsroomApp-articles',
  publisherArn: 'arn:aws:lambda:eu-west-1:1:function:pub',
  invokeRoleArn: 'arn:aws:iam::1:role/invoke',
  deadLetterArn: 'arn:aws:sqs:eu-west-1:1:dlq',
};

const conflict = () =>
  new ConflictException({
    Message: 'Schedule article-a1 already exists.',
    message: 'Schedule article-a1 already exists.',
    $metadata: { httpStatusCode: 409 },
  });
const pastAt = () =>
  new ValidationException({
    Message: 'The schedule expression is invalid.',
    message: 'The schedule expression is invalid.',
    $metadata: { httpStatusCode: 400 },
  });
const notFound = () =>
  new ResourceNotFoundException({
    Message: 'Schedule article-a1 does not exist.',
    message: 'Schedule article-a1 does not exist.',
    $metadata: { httpStatusCode: 404 },
  });
const serverFault = () =>
  new InternalServerException({ Message: 'Internal failure.', message: 'Internal failure.', $metadata: { httpStatusCode: 500 } });

/**
 * EventBridge Scheduler, answering each command by name from a script (an error to throw, or
 * nothing for success), and recording every command with its input as the SDK would send it.
 */
function scheduler(answers: Record<string, Array<() => Error>> = {}) {
  const sent: { command: string; input: any }[] = [];
  const client = {
    send: async (cmd: { constructor: { name: string }; input: unknown }) => {
      sent.push({ command: cmd.constructor.name, input: cmd.input });
      const next = answers[cmd.constructor.name]?.shift();
      if (next) throw next();
    },
  } as unknown as SchedulerClient;
  return { client, sent, names: () => sent.map((s) => s.command) };
}

const base = {
  occurredAt: '2026-11-25T20:00:00.000Z',
  articleId: 'a1',
  version: 3,
  actor: { id: 'c', name: 'C' },
} as const;

const scheduledFor = (publishAt: string, from: 'in_review' | 'scheduled' = 'in_review'): DomainEvent => ({
  ...base,
  id: `a1:3:ArticleScheduled`,
  type: 'ArticleScheduled',
  from,
  to: 'scheduled',
  article: { headline: 'h', authorId: 'r', status: 'scheduled', publishAt, publishedAt: null },
});

const unscheduled = (): DomainEvent => ({
  ...base,
  id: 'a1:4:ArticleUnscheduled',
  type: 'ArticleUnscheduled',
  version: 4,
  from: 'scheduled',
  to: 'in_review',
  article: { headline: 'h', authorId: 'r', status: 'in_review', publishAt: null, publishedAt: null },
});

const evening = () => new Date('2026-11-25T20:00:00.000Z');
const nextMorning = '2026-11-26T06:00:00.000Z';

describe('keeping one schedule per article when Scheduler already has one', () => {
  it('moves the existing schedule to the new time when creating it conflicts', async () => {
    const { client, sent } = scheduler({ CreateScheduleCommand: [conflict] });
    await new ScheduleKeeper(client, target, evening).publish([scheduledFor(nextMorning)]);
    expect(sent.map((s) => s.command)).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand']);
    expect(sent[1]!.input).toMatchObject({
      Name: 'article-a1',
      GroupName: 'NewsroomApp-articles',
      ScheduleExpression: 'at(2026-11-26T06:00:00)',
    });
  });

  it('sends no update when the schedule is created', async () => {
    const { client, names } = scheduler();
    await new ScheduleKeeper(client, target, evening).publish([scheduledFor(nextMorning)]);
    expect(names()).toEqual(['CreateScheduleCommand']);
  });

  it('fails on any other refusal of the create, so the events are retried, and does not try an update', async () => {
    const { client, names } = scheduler({ CreateScheduleCommand: [serverFault] });
    await expect(new ScheduleKeeper(client, target, evening).publish([scheduledFor(nextMorning)])).rejects.toBeInstanceOf(
      InternalServerException,
    );
    expect(names()).toEqual(['CreateScheduleCommand']);
  });

  it('deletes the schedule when the update is refused because the time passed meanwhile', async () => {
    // Scheduler is slow: the create conflicts, and by the update the time is under a minute away.
    let now = Date.parse('2026-11-26T05:58:00.000Z');
    const { client, names } = scheduler({
      CreateScheduleCommand: [
        () => {
          now = Date.parse('2026-11-26T05:59:30.000Z');
          return conflict();
        },
      ],
      UpdateScheduleCommand: [pastAt],
    });
    await expect(new ScheduleKeeper(client, target, () => new Date(now)).publish([scheduledFor(nextMorning)])).resolves.toBeUndefined();
    expect(names()).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand', 'DeleteScheduleCommand']);
  });

  it('fails when the update is refused for a time well ahead', async () => {
    const { client, names } = scheduler({ CreateScheduleCommand: [conflict], UpdateScheduleCommand: [pastAt] });
    await expect(new ScheduleKeeper(client, target, evening).publish([scheduledFor(nextMorning)])).rejects.toBeInstanceOf(
      ValidationException,
    );
    expect(names()).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand']);
  });

  it('uses the real clock when given none', async () => {
    const { client, names } = scheduler();
    const aYearAhead = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
    await new ScheduleKeeper(client, target).publish([scheduledFor(aYearAhead)]);
    expect(names()).toEqual(['CreateScheduleCommand']);
  });

  it('moves a rescheduled article without deleting its schedule', async () => {
    const { client, names } = scheduler({ CreateScheduleCommand: [conflict] });
    await new ScheduleKeeper(client, target, evening).publish([scheduledFor(nextMorning, 'scheduled')]);
    expect(names()).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand']);
  });
});

describe('deleting a schedule', () => {
  it('deletes the article’s schedule in the Newsroom group when it is unscheduled', async () => {
    const { client, sent } = scheduler();
    await new ScheduleKeeper(client, target, evening).publish([unscheduled()]);
    expect(sent).toEqual([{ command: 'DeleteScheduleCommand', input: { Name: 'article-a1', GroupName: 'NewsroomApp-articles' } }]);
  });

  it('counts a schedule that is already gone as deleted', async () => {
    const { client } = scheduler({ DeleteScheduleCommand: [notFound] });
    await expect(new ScheduleKeeper(client, target, evening).publish([unscheduled()])).resolves.toBeUndefined();
  });

  it('fails on any other refusal, so the events are retried', async () => {
    const { client } = scheduler({ DeleteScheduleCommand: [serverFault] });
    await expect(new ScheduleKeeper(client, target, evening).publish([unscheduled()])).rejects.toBeInstanceOf(InternalServerException);
  });
});

describe('handing events to several publishers', () => {
  it('hands the batch to each publisher in turn, and stops at the first that fails', async () => {
    const seen: string[] = [];
    const recorder = (name: string, fail = false) => ({
      publish: async (events: readonly DomainEvent[]) => {
        seen.push(`${name}:${events.map((e) => e.id).join(',')}`);
        if (fail) throw new Error(`${name} is down`);
      },
    });
    await new FanOut([recorder('schedules'), recorder('webhooks')]).publish([unscheduled()]);
    expect(seen).toEqual(['schedules:a1:4:ArticleUnscheduled', 'webhooks:a1:4:ArticleUnscheduled']);
    seen.length = 0;
    await expect(new FanOut([recorder('schedules', true), recorder('webhooks')]).publish([unscheduled()])).rejects.toThrow(
      'schedules is down',
    );
    expect(seen).toEqual(['schedules:a1:4:ArticleUnscheduled']);
  });
});
