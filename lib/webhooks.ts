import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmAbove } from './alarms.js';
import { NewsroomFunction } from './newsroom-function.js';

export interface WebhookTarget {
  name: string;
  url: string;
  /** Name of a Secrets Manager secret whose value signs the deliveries (`whsec_<base64>`, or any string as raw bytes). */
  secretName: string;
}

/**
 * How long a receiver may be down without losing anything. A failed message becomes visible
 * again only when its visibility timeout ends, so it is received at most once per
 * VISIBILITY_TIMEOUT and goes to the dead-letter queue after MAX_RECEIVES receives: no earlier
 * than (MAX_RECEIVES − 1) × VISIBILITY_TIMEOUT = 199 × 3 min ≈ 9.9 hours after its first
 * attempt, well past a 6-hour outage, and well within RETENTION.
 */
export const WEBHOOK_DELIVERY = {
  /** Messages per invocation; each post waits at most 5 s, so a batch takes at most 25 s. */
  batchSize: 5,
  senderTimeout: Duration.seconds(30),
  /** Six times the sender's timeout, as Lambda's documentation asks for SQS event sources. */
  visibilityTimeout: Duration.minutes(3),
  maxReceives: 200,
  retention: Duration.days(4),
  deadLetterRetention: Duration.days(14),
  /** At most this many deliveries to one receiver at a time, however many articles wait. */
  maxConcurrency: 10,
} as const;

/**
 * Delivery to one webhook target: a FIFO queue that the dispatcher fills (message group = the
 * article, deduplication id = the event id), a sender function that reads it in order and
 * reports partial batch failures, a dead-letter queue for what fails for hours, and alarms.
 * Each target has its own queue and sender, so one failing receiver never holds back another.
 */
export class WebhookDelivery extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly sender: NewsroomFunction;

  constructor(scope: Construct, id: string, target: WebhookTarget, table: ITable) {
    super(scope, id);
    const d = WEBHOOK_DELIVERY;

    this.deadLetters = new Queue(this, 'DeadLetters', {
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: d.deadLetterRetention,
    });
    this.queue = new Queue(this, 'Queue', {
      fifo: true,
      // The dispatcher names each message by its event id; the same body sent twice is not a duplicate.
      contentBasedDeduplication: false,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: d.retention,
      visibilityTimeout: d.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: d.maxReceives },
    });

    this.sender = new NewsroomFunction(this, 'Sender', {
      entry: 'lambdas/workers/webhook-sender.ts',
      description: `Signs and posts events, in order per article, to the ${target.name} webhook`,
      timeout: d.senderTimeout,
      memorySize: 256,
      environment: { WEBHOOK_URL: target.url, WEBHOOK_SECRET_NAME: target.secretName, WEBHOOK_NAME: target.name },
    });
    // Each attempt goes into the delivery log, numbered after the last one.
    this.sender.bindDeliveryLog(table, 'attempts');
    // Only what the event source mapping needs to read and delete: no ChangeMessageVisibility, no SendMessage.
    this.sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        resources: [this.queue.queueArn],
      }),
    );
    const fromQueue = this.sender.addEventSourceMapping('FromQueue', {
      eventSourceArn: this.queue.queueArn,
      batchSize: d.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency: d.maxConcurrency,
    });
    const stack = Stack.of(this);
    const secretArn = stack.formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${target.secretName}-??????`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.sender.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }));
    Validations.of(this.sender.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${target.secretName}-??????]`,
      reason: 'Secrets Manager appends six random characters to a secret ARN; ?????? matches exactly those of this named secret.',
    });
    Validations.of(this.sender).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Never invoked asynchronously, only by its queue: what fails for hours goes to the queue’s own dead-letter queue.',
    });
    Validations.of(fromQueue).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: 'SQS event sources take no on-failure destination; the queue’s redrive policy is the dead-letter path.',
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'The last stop for this webhook: an alarm fires on any message, and an operator redrives them to the queue.',
    });

    alarmAbove(this, 'DeadLettersWaiting', {
      description: `Deliveries to the ${target.name} webhook failed for hours and wait in its dead-letter queue`,
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
    });
    alarmAbove(this, 'DeliveriesStuck', {
      description: `The ${target.name} webhook has not accepted deliveries for 15 minutes; they dead-letter after about 10 hours`,
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 15 * 60,
    });
  }

  /** The dispatcher (and redelivery) may send to the queue, and nothing else. */
  grantSend(dispatcher: IGrantable): void {
    dispatcher.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
  }
}
