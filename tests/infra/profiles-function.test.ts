import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildNewsroom } from '../../lib/newsroom-app.js';
import { CONFIG } from '../support/cdk-config.js';

let app: Template;

beforeAll(() => {
  const cdkApp = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildNewsroom(cdkApp, CONFIG);
  // cdk-nag: synth fails on any unacknowledged error from either pack.
  Validations.of(cdkApp).addPlugins(new AwsSolutionsChecks(cdkApp), new ServerlessChecks(cdkApp));
  cdkApp.synth();
  app = Template.fromStack(stacks.stateless);
});

// Written out, not read from the route table: a route moving to or from this function must fail here.
const PROFILE_ROUTES = [
  'GET /profiles/me',
  'HEAD /profiles/me',
  'PUT /profiles/me',
  'GET /profiles/{userId}',
  'HEAD /profiles/{userId}',
  'PUT /profiles/{userId}',
];

const statements = () =>
  Object.values(app.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes('ApiprofilesRole'))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);

describe('the profiles function', () => {
  it('serves the profile routes, each behind the JWT authorizer, and nothing else', () => {
    const integrations = app.findResources('AWS::ApiGatewayV2::Integration');
    const routes = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const served = routes.filter((r) => {
      const integrationId = (r.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      return JSON.stringify(integrations[integrationId.Ref]!.Properties.IntegrationUri).includes('profiles');
    });
    expect(served.map((r) => r.RouteKey).sort()).toEqual([...PROFILE_ROUTES].sort());
    for (const r of served) expect(r.AuthorizationType).toBe('JWT');
  });

  it('may get and put profile items only (PROFILE# keys), on the table itself: no article, update, delete, query, scan or index', () => {
    const table = statements().filter((st) => [st.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    expect(table).toHaveLength(1);
    expect([table[0].Action].flat().sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(table[0].Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PROFILE#*'] } });
    expect(JSON.stringify(table[0].Resource)).not.toContain('/index/');
    const others = statements()
      .flatMap((st) => [st.Action].flat())
      .filter((a: string) => !a.startsWith('logs:') && !a.startsWith('xray:') && !a.startsWith('dynamodb:'));
    expect(others).toEqual([]);
  });

  it('lets browsers on the desk send PUT across origins', () => {
    const [api] = Object.values(app.findResources('AWS::ApiGatewayV2::Api'));
    expect(api!.Properties.CorsConfiguration.AllowMethods).toContain('PUT');
  });

  it('is told the table, and nothing about media or webhooks', () => {
    const [fn] = Object.values(app.findResources('AWS::Lambda::Function', { Properties: { Description: 'Newsroom profiles' } }));
    const env = Object.keys(fn!.Properties.Environment.Variables);
    expect(env).toContain('TABLE_NAME');
    expect(env.filter((k) => /MEDIA|WEBHOOK|BUCKET|QUEUE/.test(k))).toEqual([]);
  });
});
