import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { AlarmNotifications, alarmAbove } from './alarms.js';
import { NewsroomApi } from './api.js';
import { NewsroomEvents, type WebhookTarget } from './events.js';
import { NewsroomFunction } from './newsroom-function.js';
import { NewsroomPublishing } from './publishing.js';
import { readSharedValues, type SharedParameters } from './shared-parameters.js';
import { NewsroomSite } from './site.js';

export interface AppStackProps extends StackProps {
  /** Where the stateful stack published its table, bucket and user pool. */
  shared: SharedParameters;
  corsOrigins: string[];
  notifyEmails: string[];
  alarmEmails: string[];
  webhooks: WebhookTarget[];
  throttle: { rateLimit: number; burstLimit: number };
  mediaMaxBytes?: string;
  mediaMaxPixels?: string;
}

/** What verifying an upload does to the bucket; the media sweep runs the same verification. */
// PutObject: the verifier copies each upload to a key no upload form can address, and judges that copy.
const VERIFIER_MEDIA_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];

/** Everything stateless: the API, its functions, notifications and alarms. */
export class AppStack extends Stack {
  readonly api: NewsroomApi;
  readonly events: NewsroomEvents;
  readonly publishing: NewsroomPublishing;
  readonly mediaVerifier: NewsroomFunction;
  readonly mediaSweep: NewsroomFunction;
  readonly alarms: AlarmNotifications;
  readonly site: NewsroomSite;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const shared = readSharedValues(this, props.shared);
    const table = Table.fromTableAttributes(this, 'Articles', { tableName: shared.tableName, tableStreamArn: shared.tableStreamArn });
    const mediaBucket = Bucket.fromBucketAttributes(this, 'MediaBucket', {
      bucketArn: shared.mediaBucketArn,
      bucketName: shared.mediaBucketName,
    });
    const auth = {
      userPool: UserPool.fromUserPoolId(this, 'Staff', shared.userPoolId),
      client: UserPoolClient.fromUserPoolClientId(this, 'StaffClient', shared.userPoolClientId),
    };
    const mediaEnvironment: Record<string, string> = {
      ...(props.mediaMaxBytes ? { MEDIA_MAX_BYTES: props.mediaMaxBytes } : {}),
      ...(props.mediaMaxPixels ? { MEDIA_MAX_PIXELS: props.mediaMaxPixels } : {}),
    };

    this.api = new NewsroomApi(this, 'Api', {
      table,
      mediaBucket,
      auth,
      corsOrigins: props.corsOrigins,
      throttle: props.throttle,
      mediaEnvironment,
    });
    this.events = new NewsroomEvents(this, 'Events', {
      table,
      notifyEmails: props.notifyEmails,
      webhooks: props.webhooks,
    });

    // Redelivery goes back through each webhook target's queue.
    const deliveries = this.api.functions.deliveries;
    deliveries.addEnvironment('WEBHOOK_TARGETS', this.events.webhookTargets(props.webhooks));
    for (const w of this.events.webhooks) w.grantSend(deliveries);

    this.mediaVerifier = new NewsroomFunction(this, 'MediaVerifier', {
      entry: 'lambdas/workers/media-verifier.ts',
      description: 'Checks uploaded media against what was declared',
      // It copies each upload and walks the copy's whole structure by ranged reads: a 2 GiB video
      // is hundreds of requests, well past 30 s.
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: mediaEnvironment,
      deadLetterQueue: this.events.deadLetters,
    })
      .bindTable(table, 'update')
      .bindMedia(mediaBucket, VERIFIER_MEDIA_ACTIONS);
    new Rule(this, 'UploadLanded', {
      description: 'Every object created under media/ is verified',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [mediaBucket.bucketName] }, object: { key: [{ prefix: 'media/' }] } },
      },
      targets: [new LambdaFunction(this.mediaVerifier, { retryAttempts: 8, deadLetterQueue: this.events.deadLetters })],
    });

    // An upload whose event was lost would stay pending, and block approval, for ever: re-check.
    this.mediaSweep = new NewsroomFunction(this, 'MediaSweep', {
      entry: 'lambdas/workers/media-sweep.ts',
      description: 'Re-verifies uploads still pending a few minutes after they were declared',
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: mediaEnvironment,
      deadLetterQueue: this.events.deadLetters,
    })
      .bindTable(table, 'sweep-media')
      .bindMedia(mediaBucket, VERIFIER_MEDIA_ACTIONS);
    new Rule(this, 'MediaSweepSchedule', {
      description: 'Every five minutes: verify uploads whose object-created event never arrived',
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(this.mediaSweep, { retryAttempts: 0, deadLetterQueue: this.events.deadLetters })],
    });

    this.publishing = new NewsroomPublishing(this, 'Publishing', {
      table,
      dispatcher: this.events.dispatcher,
      deadLetters: this.events.deadLetters,
    });

    // The public site: rendered on every change that readers see, fed by the dispatcher.
    this.site = new NewsroomSite(this, 'Site', { table, mediaBucket, deadLetters: this.events.deadLetters });
    this.events.dispatcher.addEnvironment('SITE_QUEUE_URL', this.site.queue.queueUrl);
    this.site.grantSend(this.events.dispatcher);
    // Article JSON carries its public URL.
    for (const fn of Object.values(this.api.functions)) fn.addEnvironment('SITE_URL', this.site.url);

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

    // Every alarm in the stack tells the operators, including ones added above in constructs.
    this.alarms = new AlarmNotifications(this, 'Alarms', { emails: props.alarmEmails, deadLetters: this.events.deadLetters });
    this.alarms.notifyAll(this);

    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'MediaBucketName', { value: mediaBucket.bucketName });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName });
    new CfnOutput(this, 'ApprovalsTopicArn', { value: this.events.approvals.topicArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }
}
