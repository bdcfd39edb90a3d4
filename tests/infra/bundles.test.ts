import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildNewsroom } from '../../lib/newsroom-app.js';
import { cognitoClaims, httpApiEvent } from '../support/apigw-event.js';
import { startDynamo } from '../support/dynamo.js';
import { ROOT } from '../support/local-newsroom.js';
import { CONFIG } from '../support/cdk-config.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
const bundles: Record<string, string> = {};

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-bundles');
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-bundles-'));
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  // Functions are bundled as they are built.
  const { stateless, assembly } = quietly(() => ({ ...buildNewsroom(app, CONFIG), assembly: app.synth() }));
  const template = assembly.getStackByName(stateless.stackName).template as { Resources: Record<string, any> };
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    if (r.Type === 'AWS::Lambda::Function' && r.Metadata?.['aws:asset:path']) {
      bundles[logicalId] = join(outdir, r.Metadata['aws:asset:path'], 'index.mjs');
    }
  }
}, 120_000);
afterAll(() => dynamo.stop());

/** Builds and synthesizes without CDK's "Bundling asset …" line per function: test output stays one line per file. */
function quietly<T>(synth: () => T): T {
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    /^Bundling asset /.test(String(chunk)) || write.call(process.stderr, chunk, ...rest)) as typeof write;
  try {
    return synth();
  } finally {
    process.stderr.write = write;
  }
}

function bundleFor(name: string): string {
  const id = Object.keys(bundles).find((k) => k.startsWith(`Api${name}`));
  if (!id) throw new Error(`no bundle for ${name}: ${Object.keys(bundles).join(', ')}`);
  return bundles[id]!;
}

/** Runs a synthesized bundle with plain Node against the embedded DynamoDB (served by this process). */
async function invoke(name: string, event: unknown): Promise<any> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'tests/support/invoke-bundle.mjs'), bundleFor(name)],
      {
        timeout: 30_000,
        // The docs function answers with a 2 MB page.
        maxBuffer: 16 * 1024 * 1024,
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: dynamo.tableName,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
          POWERTOOLS_LOG_LEVEL: 'ERROR',
        },
      },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin!.end(JSON.stringify(event));
  });
  return JSON.parse(out);
}

describe('the bundles synth produces', () => {
  it('exist for every function, as self-contained ESM', () => {
    expect(Object.keys(bundles).length).toBeGreaterThanOrEqual(6);
    for (const file of Object.values(bundles)) expect(existsSync(file)).toBe(true);
  });

  it('serve the OpenAPI document and the reference page from the docs function, rendered beside its bundle', async () => {
    const doc = await invoke('apiDocs', { routeKey: 'GET /openapi.json' });
    expect(doc).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(doc.body)).toMatchObject({ openapi: '3.1.0', paths: { '/articles': expect.any(Object) } });
    expect(JSON.parse(doc.body).components.securitySchemes.bearerAuth.description).toMatch(/cognito-idp/);
    const page = await invoke('apiDocs', { routeKey: 'GET /docs' });
    expect(page).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    expect(page.body).toContain('SwaggerUIBundle');
    expect(page.body).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    // The API functions do not carry the document.
    for (const name of ['articlesRead', 'articlesWrite', 'articlesReview', 'articlesApprove', 'articlesMedia']) {
      expect({ name, carries: readFileSync(bundleFor(name), 'utf8').includes('getApiReference') }).toEqual({ name, carries: false });
    }
  });

  it('serve the workflow from API Gateway payload v2.0 events with Cognito claims', async () => {
    const reporter = cognitoClaims('b1f3-reporter', ['reporters'], 'Rita Reporter');
    const chief = cognitoClaims('c9d2-chief', ['chief-editors', 'editors'], 'Carla Chief');

    const created = await invoke(
      'articlesWrite',
      httpApiEvent({
        method: 'POST',
        path: '/articles',
        routePath: '/articles',
        claims: reporter,
        body: { headline: 'Bundled', body: 'Runs outside the TypeScript sources.' },
      }),
    );
    expect(created.statusCode).toBe(201);
    const article = JSON.parse(created.body);
    expect(article).toMatchObject({ status: 'draft', authorId: 'b1f3-reporter', authorName: 'Rita Reporter' });

    const id = article.id as string;
    const submitted = await invoke(
      'articlesReview',
      httpApiEvent({
        method: 'POST',
        path: `/articles/${id}/submit`,
        routePath: '/articles/{id}/submit',
        pathParameters: { id },
        claims: reporter,
      }),
    );
    expect(submitted.statusCode).toBe(200);

    const denied = await invoke(
      'articlesApprove',
      httpApiEvent({
        method: 'POST',
        path: `/articles/${id}/approve`,
        routePath: '/articles/{id}/approve',
        pathParameters: { id },
        claims: reporter,
        body: {},
      }),
    );
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toBe('application/problem+json');

    const approved = await invoke(
      'articlesApprove',
      httpApiEvent({
        method: 'POST',
        path: `/articles/${id}/approve`,
        routePath: '/articles/{id}/approve',
        pathParameters: { id },
        claims: chief,
        body: {},
        headers: { 'if-match': '"2"' },
      }),
    );
    expect(approved.statusCode).toBe(200);
    expect(JSON.parse(approved.body)).toMatchObject({ status: 'published', approvedBy: 'c9d2-chief' });

    const read = await invoke(
      'articlesRead',
      httpApiEvent({
        method: 'GET',
        path: `/articles/${id}`,
        routePath: '/articles/{id}',
        pathParameters: { id },
        claims: cognitoClaims('someone', ['reporters'], 'Someone'),
      }),
    );
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"3"');

    const anonymous = await invoke(
      'articlesRead',
      httpApiEvent({ method: 'GET', path: `/articles/${id}`, routePath: '/articles/{id}', pathParameters: { id } }),
    );
    expect(anonymous.statusCode).toBe(401);
  });

  it('serve a comment thread from the comments function’s own bundle', async () => {
    const reporter = cognitoClaims('b1f3-reporter', ['reporters'], 'Rita Reporter');
    const editor = cognitoClaims('e7a1-editor', ['editors'], 'Eddie Editor');
    const created = await invoke(
      'articlesWrite',
      httpApiEvent({
        method: 'POST',
        path: '/articles',
        routePath: '/articles',
        claims: reporter,
        body: { headline: 'Thread', body: 'Copy.' },
      }),
    );
    const id = JSON.parse(created.body).id as string;
    const thread = { path: `/articles/${id}/comments`, routePath: '/articles/{id}/comments', pathParameters: { id } };
    const added = await invoke('articlesComments', httpApiEvent({ method: 'POST', ...thread, claims: editor, body: { text: 'Source?' } }));
    expect(added.statusCode).toBe(201);
    const listed = await invoke('articlesComments', httpApiEvent({ method: 'GET', ...thread, claims: reporter }));
    expect(listed.statusCode).toBe(200);
    expect(JSON.parse(listed.body).items).toEqual([JSON.parse(added.body)]);
  });
});
