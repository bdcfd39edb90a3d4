import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TableAccess } from '../lambdas/http/routes.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The exact DynamoDB actions each kind of access needs: nothing deletes, nothing scans. */
export const TABLE_ACTIONS: Record<Exclude<TableAccess, 'none'> | 'dispatch' | 'publish', string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  'create-and-update': ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  update: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
  dispatch: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  publish: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
};

export interface NewsroomFunctionProps {
  /** The handler module, relative to the project root. */
  entry: string;
  description: string;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
}

/**
 * Every Newsroom Lambda: Node.js 22 on arm64, a minified ESM bundle with source maps,
 * JSON logs kept for a month, X-Ray tracing, and timeouts and memory chosen per function.
 */
export class NewsroomFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NewsroomFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: `${PROJECT_ROOT}${props.entry}`,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
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
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // The SDK is bundled so every deploy runs the version the tests ran.
        externalModules: [],
        banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
      },
    });
  }

  /** Grants exactly the table actions `access` names, on the table and its indexes. */
  bindTable(table: ITable, access: keyof typeof TABLE_ACTIONS): this {
    const actions = TABLE_ACTIONS[access];
    this.addEnvironment('TABLE_NAME', table.tableName);
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [table.tableArn] }));
    if (actions.includes('dynamodb:Query')) {
      this.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/*`] }));
    }
    return this;
  }
}
