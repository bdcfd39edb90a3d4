import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TableAccess } from '../lambdas/http/routes.js';
import { deliveryKeys, INDEX, keys, LIST_INDEX, profileKeys } from '../lambdas/store/keys.js';
import { BUNDLE_BANNER, BUNDLE_MAIN_FIELDS, BUNDLE_TARGET } from './bundling.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The exact DynamoDB actions each kind of access calls on article items (`ARTICLE#` keys
 * only), and the indexes it may query: nothing deletes, nothing scans, and each function
 * sees only the indexes it reads.
 */
export const TABLE_ACCESS: Record<
  Exclude<TableAccess, 'none'> | 'dispatch' | 'publish' | 'sweep-media' | 'site',
  { actions: string[]; indexes: string[] }
> = {
  // Query on the table itself: an article's history items. BatchGetItem: the articles a page of tag items points at.
  read: {
    actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
    indexes: [
      INDEX.byStatus,
      INDEX.byAuthor,
      INDEX.scheduledByTime,
      LIST_INDEX.byStatusUpdated,
      LIST_INDEX.byAuthorUpdated,
      LIST_INDEX.byTag,
    ],
  },
  'create-and-update': { actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], indexes: [] },
  update: { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], indexes: [] },
  // Query on the table itself: an article's revision items; PutItem: a revision's immutable copy.
  revisions: { actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], indexes: [] },
  // Query on the table itself: an article's comment items; UpdateItem: the article and its comments.
  'read-and-update': { actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'], indexes: [] },
  // PutItem: immutable history items under the article's key.
  dispatch: { actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], indexes: [INDEX.outbox] },
  publish: { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], indexes: [INDEX.dueForPublish] },
  'sweep-media': { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], indexes: [INDEX.byStatus] },
  // The site renderer reads articles one by one, and walks the byStatus index (its own live records, the repair pass); it writes no article.
  site: { actions: ['dynamodb:GetItem'], indexes: [INDEX.byStatus] },
};

/**
 * What each function does to the delivery log (`DELIVERY#` items): the deliveries API reads it,
 * the dispatcher marks events pending, each webhook sender numbers and records its attempts.
 * Nothing but the local newsroom deletes (DynamoDB's TTL does that in AWS).
 */
export const DELIVERY_LOG_ACCESS = {
  read: { actions: ['dynamodb:Query'], indexes: [deliveryKeys.index] },
  pending: { actions: ['dynamodb:PutItem'], indexes: [] },
  attempts: { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], indexes: [] },
} as const;

/**
 * What each function does to author profiles (`PROFILE#` items): the profiles API reads and
 * replaces them whole (a conditional put); the site renderer reads them. Nothing deletes.
 */
export const PROFILE_ACCESS = {
  read: { actions: ['dynamodb:GetItem'] },
  'read-and-write': { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'] },
} as const;

/** Every article item's partition key starts so: `ARTICLE#`. */
const ARTICLE_PREFIX = keys.article('').PK;
/** Every slug claim's partition key starts so: `SLUG#`. */
const SLUG_PREFIX = keys.slug('').PK;

/** Restricts a table statement to items whose partition key starts with `prefix`. */
export const leadingKeys = (prefix: string) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${prefix}*`] } });

export interface NewsroomFunctionProps {
  /** The handler module, relative to the project root. */
  entry: string;
  description: string;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
  /** For functions invoked asynchronously: where events go after the last retry. */
  deadLetterQueue?: IQueue;
  /** Files to put beside the bundle (name in the bundle → path on this machine), such as what a function serves. */
  files?: Record<string, string>;
}

/**
 * Every Newsroom Lambda: Node.js 24 on arm64, a minified ESM bundle with source maps,
 * JSON logs kept for a month, X-Ray tracing, and timeouts and memory chosen per function.
 */
export class NewsroomFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NewsroomFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role, writing only to its own log group (no managed AWSLambdaBasicExecutionRole).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      deadLetterQueue: props.deadLetterQueue,
      entry: `${PROJECT_ROOT}${props.entry}`,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'newsroom',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        ...(props.files ? { commandHooks: copyInto(props.files) } : {}),
        target: BUNDLE_TARGET,
        minify: true,
        sourceMap: true,
        mainFields: BUNDLE_MAIN_FIELDS,
        // The SDK is bundled so every deploy runs the version the tests ran.
        externalModules: [],
        banner: BUNDLE_BANNER,
        // Warnings and errors only: no list of output files for every function at each synth.
        logLevel: LogLevel.WARNING,
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
  }

  /** Grants object actions under media/ only: a media function cannot touch anything else in the bucket. */
  bindMedia(bucket: IBucket, actions: string[]): this {
    this.addEnvironment('MEDIA_BUCKET', bucket.bucketName);
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects('media/*')] }));
    // cdk-nag names an ARN read from a parameter by the parameter's logical id.
    const arn = Stack.of(this).resolve(bucket.bucketArn) as { Ref?: string } | string;
    const named = typeof arn === 'string' ? arn : `<${arn.Ref}>`;
    Validations.of(this.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${named}/media/*]`,
      reason: 'Every media object lives under media/<articleId>/<mediaId>; the function works on any of them, nothing else.',
    });
    return this;
  }

  /** Lets the function keep Idempotency-Key records: writes to IDEMPOTENCY# items only. */
  bindIdempotencyRecords(table: ITable): this {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: leadingKeys(keys.idempotencyPrefix),
      }),
    );
    return this;
  }

  /** Lets the function use the delivery log as `access` says: on DELIVERY# items, and the deliveries index to read it. */
  bindDeliveryLog(table: ITable, access: keyof typeof DELIVERY_LOG_ACCESS): this {
    const { actions, indexes } = DELIVERY_LOG_ACCESS[access];
    this.addEnvironment('TABLE_NAME', table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...actions], resources: [table.tableArn], conditions: leadingKeys(deliveryKeys.prefix) }),
    );
    if (indexes.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['dynamodb:Query'], resources: indexes.map((ix) => `${table.tableArn}/index/${ix}`) }),
      );
    }
    return this;
  }

  /**
   * Claims slugs at first publication: conditional updates of SLUG# items (a claim, and the count of
   * claims on a slug), and nothing else of them.
   */
  bindSlugClaims(table: ITable): this {
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [table.tableArn], conditions: leadingKeys(SLUG_PREFIX) }),
    );
    return this;
  }

  /** Lets the function use author profiles as `access` says: on PROFILE# items only, no index. */
  bindProfiles(table: ITable, access: keyof typeof PROFILE_ACCESS): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...PROFILE_ACCESS[access].actions],
        resources: [table.tableArn],
        conditions: leadingKeys(profileKeys.prefix),
      }),
    );
    return this;
  }

  /** Grants exactly the table actions `access` names, on article items and on the indexes it reads. */
  bindTable(table: ITable, access: keyof typeof TABLE_ACCESS): this {
    const { actions, indexes } = TABLE_ACCESS[access];
    this.addEnvironment('TABLE_NAME', table.tableName);
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [table.tableArn], conditions: leadingKeys(ARTICLE_PREFIX) }));
    if (indexes.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({ actions: ['dynamodb:Query'], resources: indexes.map((ix) => `${table.tableArn}/index/${ix}`) }),
      );
    }
    return this;
  }
}

/** Bundling hooks that copy files into the bundle's directory (a shell `cp` on this machine; no Docker). */
const copyInto = (files: Record<string, string>) => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_input: string, output: string) => Object.entries(files).map(([name, from]) => `cp "${from}" "${output}/${name}"`),
});
