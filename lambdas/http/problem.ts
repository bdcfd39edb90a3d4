import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ProblemError } from '../domain/errors.js';

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** RFC 7807 problem+json. Anything that is not a ProblemError is a 500 that shows no internals. */
export function problemResponse(err: unknown, instance?: string): APIGatewayProxyStructuredResultV2 {
  const problem =
    err instanceof ProblemError
      ? { type: `urn:newsroom:problem:${slug(err.title)}`, title: err.title, status: err.statusCode, detail: err.message, ...err.extra }
      : {
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'Something went wrong on our side. It has been logged.',
        };
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: JSON.stringify(instance ? { ...problem, instance } : problem),
  };
}
