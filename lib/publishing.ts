import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Metric, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmAbove } from './alarms.js';
import { NewsroomFunction } from './newsroom-function.js';

export interface NewsroomPublishingProps {
  table: ITable;
  dispatcher: NewsroomFunction;
  deadLetters: Queue;
}

/**
 * Scheduled publishing: one EventBridge Scheduler one-time schedule per scheduled article
 * (kept by the dispatcher from the events) invokes the publisher at publishAt; a sweep every
 * minute publishes anything due that a schedule missed.
 */
export class NewsroomPublishing extends Construct {
  readonly publisher: NewsroomFunction;
  readonly group: ScheduleGroup;
  readonly invokeRole: Role;
  readonly lagAlarm: Alarm;

  constructor(scope: Construct, id: string, props: NewsroomPublishingProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.publisher = new NewsroomFunction(this, 'Publisher', {
      entry: 'lambdas/workers/publisher.ts',
      description: 'Publishes scheduled articles when they fall due',
      // Scheduler fires up to 59 s early; the publisher waits for the time, with room to write.
      timeout: Duration.seconds(90),
      memorySize: 512,
      deadLetterQueue: props.deadLetters,
    })
      .bindTable(props.table, 'publish')
      .bindSlugClaims(props.table);

    // A generated name, and deleted with the stack (deleting a group deletes its schedules): a
    // destroyed app stack leaves no schedule firing at deleted targets, nor a group in the way of a redeploy.
    this.group = new ScheduleGroup(this, 'Schedules', { removalPolicy: RemovalPolicy.DESTROY });

    // Only EventBridge Scheduler, only for this account, and only to invoke the publisher.
    this.invokeRole = new Role(this, 'SchedulerInvoke', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    });
    this.invokeRole.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.publisher.functionArn] }));
    props.deadLetters.grantSendMessages(this.invokeRole);

    const dispatcher = props.dispatcher;
    dispatcher.addEnvironment('SCHEDULE_GROUP_NAME', this.group.scheduleGroupName);
    dispatcher.addEnvironment('PUBLISHER_ARN', this.publisher.functionArn);
    dispatcher.addEnvironment('SCHEDULER_ROLE_ARN', this.invokeRole.roleArn);
    dispatcher.addEnvironment('SCHEDULE_DLQ_ARN', props.deadLetters.queueArn);
    dispatcher.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [
          stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.group.scheduleGroupName}/article-*` }),
        ],
      }),
    );
    dispatcher.addToRolePolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.invokeRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    Validations.of(dispatcher.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.group.scheduleGroupName}/article-*]`,
      reason: 'One schedule per article, named article-<id>: the dispatcher manages exactly those in its own group.',
    });

    new Rule(this, 'Sweep', {
      description: 'Publishes anything due that its schedule missed',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.publisher, { retryAttempts: 2, deadLetterQueue: props.deadLetters })],
    });

    this.lagAlarm = alarmAbove(this, 'PublishLate', {
      description: 'A scheduled article was published more than 2 minutes after its time',
      metric: new Metric({
        namespace: 'Newsroom',
        metricName: 'PublishLag',
        dimensionsMap: { service: 'publisher' },
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      threshold: 120_000,
    });
  }
}
