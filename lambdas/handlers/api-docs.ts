import { readFileSync } from 'node:fs';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Site = Record<string, APIGatewayProxyStructuredResultV2>;
let site: Site | undefined;

/**
 * `GET /openapi.json` and `GET /docs`, public. Both are rendered at build time (lib/openapi/site.ts)
 * into `api-docs.json` beside the bundle: no API function carries the document, and this one only reads it.
 */
export const handler = async (event: { routeKey: string }): Promise<APIGatewayProxyStructuredResultV2> =>
  (site ??= JSON.parse(readFileSync(new URL('./api-docs.json', import.meta.url), 'utf8')) as Site)[event.routeKey] ?? { statusCode: 404 };
