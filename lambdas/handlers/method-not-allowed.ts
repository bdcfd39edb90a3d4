import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ProblemError } from '../domain/errors.js';
import { problemResponse } from '../http/problem.js';
import { allowedMethods } from '../http/routes.js';

/**
 * The ANY route of every path: API Gateway sends here only methods the path does not take.
 * Public, like API Gateway's own 404: the methods a path takes are in the API's documentation.
 * OPTIONS is answered 204 with `Allow`: ANY also catches CORS preflight requests in AWS (API
 * Gateway answers them itself only on paths without a route for them), and API Gateway adds the
 * configured CORS headers to this answer, as the local gateway does to its own preflight answer.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const allow = allowedMethods(event.routeKey.replace(/^ANY /, ''));
  const method = event.requestContext.http.method;
  if (method === 'OPTIONS') return { statusCode: 204, headers: { allow: allow.join(', '), 'cache-control': 'no-store' } };
  const detail = `${method} is not allowed here. Use ${allow.join(', ')}.`;
  const response = problemResponse(new ProblemError(405, 'Method Not Allowed', detail), event.rawPath);
  return { ...response, headers: { ...response.headers, allow: allow.join(', ') } };
};
