import { readFileSync } from 'node:fs';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Site = Record<string, APIGatewayProxyStructuredResultV2>;

/**
 * `GET /openapi.json` and `GET /docs`, public. Both are rendered at build time (lib/openapi) into
 * `api-docs.json` beside the bundle, so no API function carries the document and this one only reads it.
 */
export const serve = (load: () => Site) => {
  let site: Site | undefined;
  return async (event: { routeKey: string }): Promise<APIGatewayProxyStructuredResultV2> =>
    (site ??= load())[event.routeKey] ?? { statusCode: 404 };
};

export const handler = serve(() => JSON.parse(readFileSync(new URL('./api-docs.json', import.meta.url), 'utf8')) as Site);
