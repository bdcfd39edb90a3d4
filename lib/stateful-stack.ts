import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS } from '../lambdas/store/table-schema.js';
import { NewsroomAuth } from './auth.js';
import { publishSharedValues, type SharedParameters } from './shared-parameters.js';

export interface StatefulStackProps extends StackProps {
  /** Origins allowed to upload media from a browser. */
  corsOrigins: string[];
}

/**
 * What the newsroom must never lose: the articles table, the media bucket and the staff user
 * pool. All are retained when the stack is deleted, and the table keeps point-in-time recovery.
 * The app stack reads their names from SSM parameters (`shared`), never from exports.
 */
export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly mediaBucket: Bucket;
  readonly auth: NewsroomAuth;
  readonly shared: SharedParameters;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new TableV2(this, 'Articles', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      dynamoStream: StreamViewType.NEW_IMAGE,
      // Tidies expired idempotency records; correctness never waits for it.
      timeToLiveAttribute: 'ttl',
      globalSecondaryIndexes: indexesToDeploy(this.node.tryGetContext('skipIndexes')).map((ix) => ({
        indexName: ix.name,
        partitionKey: { name: ix.partitionKey, type: AttributeType.STRING },
        sortKey: { name: ix.sortKey, type: AttributeType.STRING },
        ...(typeof ix.projection === 'string'
          ? { projectionType: ix.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...ix.projection] }),
      })),
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });

    this.mediaBucket = new Bucket(this, 'Media', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'media/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Uploads are announced on EventBridge, where the app stack's verifier listens.
      eventBridgeEnabled: true,
      // S3 refuses a CORS rule without origins (MalformedXML): no origins, no rule.
      cors: props.corsOrigins.length
        ? [
            {
              allowedMethods: [HttpMethods.POST, HttpMethods.GET],
              allowedOrigins: props.corsOrigins,
              allowedHeaders: ['*'],
              maxAge: 3000,
            },
          ]
        : undefined,
    });

    this.auth = new NewsroomAuth(this, 'Auth');

    this.shared = { prefix: `/${this.stackName}` };
    publishSharedValues(this, this.shared, {
      tableName: this.table.tableName,
      tableStreamArn: this.table.tableStreamArn!,
      mediaBucketName: this.mediaBucket.bucketName,
      mediaBucketArn: this.mediaBucket.bucketArn,
      userPoolId: this.auth.userPool.userPoolId,
      userPoolClientId: this.auth.client.userPoolClientId,
    });

    // CDK's own custom resource that turns on EventBridge notifications for the bucket.
    const notifications = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notifications) {
      Validations.of(notifications).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK-provided handler that configures bucket notifications once, at deploy time; it handles no newsroom data.',
      });
    }
  }
}

/**
 * The table's indexes, less those named in the `skipIndexes` context (comma-separated). CloudFormation
 * adds one global secondary index to an existing table per update, so a table deployed before two
 * indexes existed gets them in two deploys: the first skipping one of them.
 */
export function indexesToDeploy(skip: unknown): typeof TABLE_INDEXES {
  const names = typeof skip === 'string' && skip ? skip.split(',').map((n) => n.trim()) : [];
  const unknown = names.filter((n) => !TABLE_INDEXES.some((ix) => ix.name === n));
  if (unknown.length) throw new Error(`skipIndexes names no index of the table: ${unknown.join(', ')}`);
  return TABLE_INDEXES.filter((ix) => !names.includes(ix.name));
}
