import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, EventField, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NewsroomFunction } from './newsroom-function.js';
import { SnsTopicFromRule } from './sns-rule-target.js';
import { WebhookDelivery, type WebhookTarget } from './webhooks.js';

export type { WebhookTarget } from './webhooks.js';

export interface NewsroomEventsProps {
  table: ITable;
  notifyEmails: string[];
  webhooks: WebhookTarget[];
}

/**
 * Notifications: the dispatcher drains each article's outbox onto the newsroom's bus and into
 * each webhook target's FIFO queue, woken by the table's stream and by a sweep every minute;
 * rules fan out from the bus (unordered), the queues keep each article's order.
 */
export class NewsroomEvents extends Construct {
  readonly bus: EventBus;
  readonly dispatcher: NewsroomFunction;
  readonly deadLetters: Queue;
  readonly approvals: Topic;
  readonly webhooks: WebhookDelivery[];

  constructor(scope: Construct, id: string, props: NewsroomEventsProps) {
    super(scope, id);

    this.bus = new EventBus(this, 'Bus', { description: 'Every Newsroom domain event' });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'The last stop: nothing consumes it automatically, and an alarm fires on any message in it.',
    });

    this.dispatcher = new NewsroomFunction(this, 'Dispatcher', {
      entry: 'lambdas/workers/dispatcher.ts',
      description: 'Delivers outbox events to the bus and records history',
      timeout: Duration.seconds(60),
      memorySize: 512,
      environment: { EVENT_BUS_NAME: this.bus.eventBusName },
      deadLetterQueue: this.deadLetters,
    }).bindTable(props.table, 'dispatch');
    this.bus.grantPutEventsTo(this.dispatcher);

    this.dispatcher.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        maxBatchingWindow: Duration.millis(0),
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetters),
        // Only items that carry undelivered events wake the dispatcher.
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: { GSI3PK: { S: FilterRule.exists() } } } })],
      }),
    );

    new Rule(this, 'Sweep', {
      description: 'Fallback: deliver anything a stream invocation missed',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.dispatcher, { retryAttempts: 2, deadLetterQueue: this.deadLetters })],
    });

    // SNS encrypted with a key EventBridge may use (the AWS-managed SNS key does not allow it).
    // No aws:SourceArn / aws:SourceAccount here: the SNS developer guide states they are not
    // supported in a KMS key policy for EventBridge-to-encrypted-topic delivery (with them every
    // approval would be dropped). The topic policy carries them instead (SnsTopicFromRule), and
    // the key encrypts this topic only.
    const topicKey = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Newsroom approval notifications' });
    topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.approvals = new Topic(this, 'Approvals', { masterKey: topicKey, enforceSSL: true, displayName: 'Newsroom approvals' });
    for (const email of props.notifyEmails)
      this.approvals.addSubscription(new EmailSubscription(email, { deadLetterQueue: this.deadLetters }));

    new Rule(this, 'ApprovedToSns', {
      eventBus: this.bus,
      description: 'Every approval reaches the approvals topic',
      eventPattern: { source: ['newsroom.articles'], detailType: ['ArticleApproved'] },
      targets: [
        new SnsTopicFromRule(this.approvals, {
          deadLetterQueue: this.deadLetters,
          message: RuleTargetInput.fromText(
            `Approved: ${EventField.fromPath('$.detail.article.headline')} (${EventField.fromPath('$.detail.articleId')}) by ${EventField.fromPath('$.detail.actor.name')}`,
          ),
        }),
      ],
    });

    // Webhooks: one FIFO queue and sender per target, fed by the dispatcher in each article's order.
    this.webhooks = props.webhooks.map((target) => new WebhookDelivery(this, `Webhook-${target.name}`, target, props.table));
    if (this.webhooks.length > 0) {
      this.dispatcher.addEnvironment('WEBHOOK_QUEUE_URLS', Stack.of(this).toJsonString(this.webhooks.map((w) => w.queue.queueUrl)));
      for (const w of this.webhooks) w.grantSend(this.dispatcher);
      // Events handed to the queues are pending in the delivery log until their first attempt.
      this.dispatcher.addEnvironment('WEBHOOK_TARGETS', this.webhookTargets(props.webhooks));
      this.dispatcher.bindDeliveryLog(props.table, 'pending');
    }
  }

  /** Each target's name, origin and queue, as the dispatcher and redelivery read them (`WEBHOOK_TARGETS`). */
  webhookTargets(targets: readonly WebhookTarget[]): string {
    return Stack.of(this).toJsonString(
      targets.map((t, i) => ({ name: t.name, origin: new URL(t.url).origin, queueUrl: this.webhooks[i]!.queue.queueUrl })),
    );
  }
}
