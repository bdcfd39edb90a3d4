import { describe, expect, it } from '@jest/globals';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler } from '../../lambdas/handlers/method-not-allowed.js';

/** The event API Gateway's ANY route hands the function (payload v2.0): its route key names the path template. */
const event = (method: string, path: string, rawPath: string) =>
  ({ routeKey: `ANY ${path}`, rawPath, requestContext: { http: { method } } }) as unknown as APIGatewayProxyEventV2;

describe('the ANY route of a path', () => {
  it('answers a method the path does not take with 405 problem+json and Allow', async () => {
    const res = await handler(event('PUT', '/articles/{id}', '/articles/a1'));
    expect(res.statusCode).toBe(405);
    expect(res.headers).toMatchObject({ allow: 'GET, HEAD, PATCH', 'content-type': 'application/problem+json' });
    expect(JSON.parse(res.body!)).toMatchObject({
      status: 405,
      detail: 'PUT is not allowed here. Use GET, HEAD, PATCH.',
      instance: '/articles/a1',
    });
  });

  it('answers OPTIONS (a CORS preflight in AWS reaches ANY too) with 204 and Allow, so preflight succeeds', async () => {
    const res = await handler(event('OPTIONS', '/articles/{id}/approve', '/articles/a1/approve'));
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({ allow: 'POST' });
    expect(res.body).toBeUndefined();
  });
});
