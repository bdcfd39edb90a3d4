import { serve } from '../lambdas/handlers/api-docs.js';
import { buildOpenApiDocument } from '../lib/openapi/document.js';
import { renderDocsSite } from '../lib/openapi/site.js';
import type { LambdaHandler } from './gateway.js';

/** `GET /openapi.json` and `GET /docs` of the local newsroom: the same answers the docs function gives in AWS. */
export const localApiDocs = () =>
  serve(() =>
    renderDocsSite(
      buildOpenApiDocument({
        tokens:
          'A signed ID token: locally `npm run token -- --user rita --group reporters` prints one; in AWS, a Cognito ID token from the newsroom’s user pool.',
      }),
    ),
  ) as unknown as LambdaHandler;
