import { buildOpenApiDocument } from '../lib/openapi/document.js';
import { renderDocsSite, type DocsSite } from '../lib/openapi/site.js';
import type { LambdaHandler } from './gateway.js';

/**
 * `GET /openapi.json` and `GET /docs` of the local newsroom: the answers the docs function gives
 * in AWS (rendered by the same code), rendered on the first request instead of at build time.
 */
export function localApiDocs(): LambdaHandler {
  let site: DocsSite | undefined;
  const render = () =>
    renderDocsSite(
      buildOpenApiDocument({
        tokens:
          'A signed ID token: locally `npm run token -- --user rita --group reporters` prints one; in AWS, a Cognito ID token from the newsroom’s user pool.',
      }),
    );
  return async (event) => (site ??= render())[event.routeKey] ?? { statusCode: 404 };
}
