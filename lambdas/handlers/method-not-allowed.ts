import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ProblemError } from '../domain/errors.js';
import { problemResponse } from '../http/problem.js';
import { allowedMethods } from '../http/routes.js';

/**
 * The ANY route of every path: API Gateway sends here only methods the path does not take.
 * Public, like API Gateway's own 404: the methods a path takes are in the API's documentation.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const allow = allowedMethods(event.routeKey.replace(/^ANY /, ''));
  const detail = `${event.requestContext.http.method} is not allowed here. Use ${allow.join(', ')}.`;
  const response = problemResponse(new ProblemError(405, 'Method Not Allowed', detail), event.rawPath);
  return { ...response, headers: { ...response.headers, allow: allow.join(', ') } };
};
