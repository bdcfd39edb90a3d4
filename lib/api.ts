import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS, FUNCTIONS, GATEWAY_ROUTES, type FunctionName } from '../lambdas/http/routes.js';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { NewsroomFunction } from './newsroom-function.js';
import { writeDocsSite } from './openapi/site.js';

export interface NewsroomApiProps {
  table: ITable;
  mediaBucket: IBucket;
  auth: { userPool: IUserPool; client: IUserPoolClient };
  corsOrigins: string[];
  /** Settings for the functions that handle media (`MEDIA_MAX_BYTES`). */
  mediaEnvironment: Record<string, string>;
  throttle: { rateLimit: number; burstLimit: number };
}

/** The HTTP API: every route from the shared route table, each behind the JWT authorizer unless public. */
export class NewsroomApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<FunctionName, NewsroomFunction>;

  constructor(scope: Construct, id: string, props: NewsroomApiProps) {
    super(scope, id);

    this.functions = {} as Record<FunctionName, NewsroomFunction>;
    for (const [name, spec] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
      const fn = new NewsroomFunction(this, name, {
        entry: spec.entry,
        description: `Newsroom ${name}`,
        memorySize: 512,
        timeout: Duration.seconds(10),
        // The docs function serves the OpenAPI document and the reference page, rendered now beside its bundle.
        ...(name === 'apiDocs' ? { files: { 'api-docs.json': writeDocsSite() } } : {}),
      });
      if (spec.table !== 'none') fn.bindTable(props.table, spec.table);
      if (spec.idempotency) fn.bindIdempotencyRecords(props.table);
      if ('deliveryLog' in spec) fn.bindDeliveryLog(props.table, spec.deliveryLog);
      if ('slugs' in spec) fn.bindSlugClaims(props.table);
      if ('profiles' in spec) fn.bindProfiles(props.table, spec.profiles);
      if (spec.media) {
        fn.bindMedia(props.mediaBucket, ['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
        for (const [k, v] of Object.entries(props.mediaEnvironment)) fn.addEnvironment(k, v);
      }
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: 'Invoked synchronously by API Gateway: a failure is answered to the caller, there is no event to keep.',
      });
      this.functions[name] = fn;
    }

    this.api = new HttpApi(this, 'Http', {
      createDefaultStage: false,
      corsPreflight: props.corsOrigins.length
        ? {
            allowOrigins: props.corsOrigins,
            allowMethods: CORS.allowMethods.map((m) => CorsHttpMethod[m]),
            allowHeaders: [...CORS.allowHeaders],
            exposeHeaders: [...CORS.exposeHeaders],
            maxAge: Duration.seconds(CORS.maxAgeSeconds),
          }
        : undefined,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            caller: '$context.authorizer.claims.sub',
            ip: '$context.identity.sourceIp',
          }),
        ),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.auth.userPool, { userPoolClients: [props.auth.client] });
    const integrations = {} as Record<FunctionName, HttpLambdaIntegration>;
    for (const route of GATEWAY_ROUTES) {
      integrations[route.fn] ??= new HttpLambdaIntegration(`${route.fn}Integration`, this.functions[route.fn]);
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations[route.fn],
        authorizer: route.auth ? authorizer : new HttpNoneAuthorizer(),
      });
      if (!route.auth) {
        for (const r of added) {
          Validations.of(r).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by design: it reveals nothing (a health check, or the 405 for a method the path does not take).`,
          });
        }
      }
    }

    new CfnOutput(scope, 'ApiUrl', { value: this.stage.url });
  }
}
