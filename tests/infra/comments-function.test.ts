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

const COMMENT_ROUTES = [
  'POST /articles/{id}/comments',
  'GET /articles/{id}/comments',
  // The gateway's HEAD beside every GET, served by the same function.
  'HEAD /articles/{id}/comments',
  'POST /articles/{id}/comments/{commentId}/resolve',
  'DELETE /articles/{id}/comments/{commentId}',
];

describe('the comments function', () => {
  it('serves the comment routes, each behind the JWT authorizer, and nothing else', () => {
    const integrations = app.findResources('AWS::ApiGatewayV2::Integration');
    const routes = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const servedByComments = routes.filter((r) => {
      const integrationId = (r.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      return JSON.stringify(integrations[integrationId.Ref]!.Properties.IntegrationUri).includes('articlesComments');
    });
    expect(servedByComments.map((r) => r.RouteKey).sort()).toEqual([...COMMENT_ROUTES].sort());
    for (const r of servedByComments) expect(r.AuthorizationType).toBe('JWT');
  });

  it('may read, query and update article items only (ARTICLE# keys), on the table itself: no put, delete, scan or index', () => {
    const statements = Object.values(app.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('ApiarticlesCommentsRole'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
    const table = statements.filter((st) => [st.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    expect(table).toHaveLength(1);
    expect([table[0].Action].flat().sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(table[0].Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ARTICLE#*'] } });
    expect(JSON.stringify(table[0].Resource)).not.toContain('/index/');
    expect(statements.flatMap((st) => [st.Action].flat()).filter((a: string) => a.startsWith('s3:'))).toEqual([]);
  });
});
