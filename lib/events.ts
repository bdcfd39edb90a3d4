import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
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

export interface WebhookTarget {
  name: string;
  url: string;
  /** Name of a Secrets Manager secret whose value signs the bodies (X-Newsroom-Signature). */
  secretName: string;
}

export interface NewsroomEventsProps {
  table: ITable;
  notifyEmails: string[];
  webhooks: WebhookTarget[];
}

/**
 * Notifications: the dispatcher drains each article's outbox onto the newsroom's bus,
 * woken by the table's stream and by a sweep every minute; rules fan out from the bus.
 */
export class NewsroomEvents extends Construct {
  readonly bus: EventBus;
  readonly dispatcher: NewsroomFunction;
  readonly deadLetters: Queue;
  readonly approvals: Topic;
  readonly webhookSender?: NewsroomFunction;

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

    // Webhooks: one sender function signs and posts each event, exactly as the local newsroom does.
    if (props.webhooks.length > 0) {
      this.webhookSender = new NewsroomFunction(this, 'WebhookSender', {
        entry: 'lambdas/workers/webhook-sender.ts',
        description: 'Signs and posts events to subscribed webhooks',
        timeout: Duration.seconds(15),
        memorySize: 256,
        deadLetterQueue: this.deadLetters,
      });
      const stack = Stack.of(this);
      this.webhookSender.addToRolePolicy(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: props.webhooks.map((w) =>
            stack.formatArn({
              service: 'secretsmanager',
              resource: 'secret',
              resourceName: `${w.secretName}-??????`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ),
        }),
      );
      for (const w of props.webhooks) {
        Validations.of(this.webhookSender.role!).acknowledge({
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${w.secretName}-??????]`,
          reason: 'Secrets Manager appends six random characters to a secret ARN; ?????? matches exactly those of this named secret.',
        });
      }
    }
    for (const hook of props.webhooks) {
      new Rule(this, `Webhook-${hook.name}-Rule`, {
        eventBus: this.bus,
        description: `Every event to the ${hook.name} webhook`,
        eventPattern: { source: ['newsroom.articles'] },
        targets: [
          new LambdaFunction(this.webhookSender!, {
            event: RuleTargetInput.fromObject({ url: hook.url, secretName: hook.secretName, event: EventField.fromPath('$.detail') }),
            retryAttempts: 185,
            maxEventAge: Duration.hours(24),
            deadLetterQueue: this.deadLetters,
          }),
        ],
      });
    }
  }
}
