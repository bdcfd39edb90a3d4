import { afterEach, describe, expect, it } from '@jest/globals';
import type { Context } from 'aws-lambda';
import { httpApi, type HttpEvent } from '../../lambdas/http/api.js';
import { log } from '../../lambdas/http/log.js';
import { cognitoClaims, httpApiEvent } from '../support/apigw-event.js';

/** What the function writes to stdout while `run` runs: CloudWatch Logs receives exactly that. */
async function captured(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (
    lines.push(...String(chunk).split('\n').filter(Boolean)),
    true
  )) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return lines;
}

const context = (requestId: string) => ({ functionName: 'newsroom-articlesWrite', awsRequestId: requestId }) as Context;
const SECRET_BODY = 'The source is the minister himself';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-token.signature';

const failing = httpApi({
  'POST /articles': async () => {
    throw new Error('DynamoDB is unreachable');
  },
});
const event = () =>
  httpApiEvent({
    method: 'POST',
    path: '/articles',
    routePath: '/articles',
    claims: cognitoClaims('rita', ['reporters'], 'Rita Reporter'),
    body: { headline: 'Leak', body: SECRET_BODY },
    headers: { authorization: `Bearer ${TOKEN}` },
  }) as unknown as HttpEvent;

afterEach(() => {
  delete process.env.AWS_LAMBDA_LOG_LEVEL;
});

describe("the API functions' log", () => {
  it('writes a 500 as one JSON line with the invocation, the route and the error, never the token or the body', async () => {
    const first = await captured(() => failing(event(), context('req-1')));
    const second = await captured(() => failing(event(), context('req-2')));
    expect(first).toHaveLength(1);
    const line = JSON.parse(first[0]!);
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'request failed',
      service: 'newsroom',
      cold_start: true,
      function_name: 'newsroom-articlesWrite',
      function_request_id: 'req-1',
      routeKey: 'POST /articles',
      error: { name: 'Error', message: 'DynamoDB is unreachable' },
    });
    expect(Number.isNaN(Date.parse(line.timestamp))).toBe(false);
    expect(JSON.parse(second[0]!)).toMatchObject({ cold_start: false, function_request_id: 'req-2' });
    for (const l of [...first, ...second]) {
      expect(l).not.toContain(TOKEN);
      expect(l).not.toContain(SECRET_BODY);
    }
  });

  it("follows Lambda's application log level", async () => {
    process.env.AWS_LAMBDA_LOG_LEVEL = 'ERROR';
    expect(await captured(async () => log.warn('could not record an idempotent outcome'))).toEqual([]);
    expect(await captured(async () => log.error('request failed'))).toHaveLength(1);
    process.env.AWS_LAMBDA_LOG_LEVEL = 'WARN';
    expect(await captured(async () => log.warn('could not record an idempotent outcome'))).toHaveLength(1);
  });
});
