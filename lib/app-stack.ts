import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { alarmAbove } from './alarms.js';
import { NewsroomApi } from './api.js';
import { NewsroomAuth } from './auth.js';
import { NewsroomEvents, type WebhookTarget } from './events.js';
import { NewsroomFunction } from './newsroom-function.js';
import { NewsroomPublishing } from './publishing.js';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';

export interface AppStackProps extends StackProps {
  table: ITable;
  mediaBucketExports: { bucketArn: string; bucketName: string };
  corsOrigins: string[];
  notifyEmails: string[];
  webhooks: WebhookTarget[];
  throttle: { rateLimit: number; burstLimit: number };
}

/** Everything stateless: sign-in, the API, its functions, notifications and alarms. */
export class AppStack extends Stack {
  readonly auth: NewsroomAuth;
  readonly api: NewsroomApi;
  readonly events: NewsroomEvents;
  readonly publishing: NewsroomPublishing;
  readonly mediaVerifier: NewsroomFunction;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const mediaBucket = Bucket.fromBucketAttributes(this, 'MediaBucket', props.mediaBucketExports);
    this.auth = new NewsroomAuth(this, 'Auth');
    this.api = new NewsroomApi(this, 'Api', {
      table: props.table,
      mediaBucket: mediaBucket,
      auth: this.auth,
      corsOrigins: props.corsOrigins,
      throttle: props.throttle,
    });
    this.events = new NewsroomEvents(this, 'Events', {
      table: props.table,
      notifyEmails: props.notifyEmails,
      webhooks: props.webhooks,
    });

    this.mediaVerifier = new NewsroomFunction(this, 'MediaVerifier', {
      entry: 'lambdas/workers/media-verifier.ts',
      description: 'Checks uploaded media against what was declared',
      timeout: Duration.seconds(30),
      memorySize: 512,
      deadLetterQueue: this.events.deadLetters,
    })
      .bindTable(props.table, 'update')
      .bindMedia(mediaBucket, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    new Rule(this, 'UploadLanded', {
      description: 'Every object created under media/ is verified',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [mediaBucket.bucketName] }, object: { key: [{ prefix: 'media/' }] } },
      },
      targets: [new LambdaFunction(this.mediaVerifier, { retryAttempts: 8, deadLetterQueue: this.events.deadLetters })],
    });

    this.publishing = new NewsroomPublishing(this, 'Publishing', {
      table: props.table,
      dispatcher: this.events.dispatcher,
      deadLetters: this.events.deadLetters,
    });

    alarmAbove(this, 'DeadLettersWaiting', {
      description: 'Events or stream batches failed every retry and wait in the dead-letter queue',
      metric: this.events.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
    });
    alarmAbove(this, 'DispatcherErrors', {
      description: 'The dispatcher is failing to deliver events',
      metric: this.events.dispatcher.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
    });
    alarmAbove(this, 'DeliveryLate', {
      description: 'Events reach the bus more than a minute after their transition',
      metric: new Metric({
        namespace: 'Newsroom',
        metricName: 'DeliveryLag',
        dimensionsMap: { service: 'dispatcher' },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      threshold: 60_000,
    });
    alarmAbove(this, 'Api5xx', {
      description: 'The API answers with server errors',
      metric: this.api.api.metricServerError({ period: Duration.minutes(5) }),
      threshold: 4,
    });

    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'MediaBucketName', { value: mediaBucket.bucketName });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName });
    new CfnOutput(this, 'ApprovalsTopicArn', { value: this.events.approvals.topicArn });
  }
}
