import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Liveness only: it touches no dependency, so it answers even when the table is throttled. */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify({ status: 'ok', service: 'newsroom' }),
});
