import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildOpenApiDocument, type OpenApiDocument } from './document.js';

/** The answers of the docs function by route key: everything is rendered once, at build (or start) time. */
export type DocsSite = Record<string, APIGatewayProxyStructuredResultV2>;

const require = createRequire(import.meta.url);
const swaggerUi = (file: string) => readFileSync(require.resolve(`swagger-ui-dist/${file}`), 'utf8');

/**
 * Inline script text cannot contain what the HTML parser reads as the end of the element or as
 * an escaped comment; `\x3C` is `<` in every string and regular expression literal it can meet.
 */
const scriptSafe = (js: string) => js.replace(/<(\/?script|!--)/gi, '\\x3C$1');
const styleSafe = (css: string) => css.replace(/<\/style/gi, '\\3C/style').replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * `GET /docs`: Swagger UI (from the swagger-ui-dist package, inlined: no CDN, works offline),
 * reading `/openapi.json` and sending "Try it out" requests to the same origin, with the
 * bearer token a person pastes under "Authorize". The page may run only its two scripts.
 */
export function renderDocsPage(): { html: string; csp: string } {
  const bundle = scriptSafe(swaggerUi('swagger-ui-bundle.js'));
  const start = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', location.href).href,
  dom_id: '#swagger-ui',
  deepLinking: true,
  displayOperationId: true,
  displayRequestDuration: true,
  tryItOutEnabled: true,
  persistAuthorization: false,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newsroom API reference</title>
<link rel="icon" href="data:,">
<style>${styleSafe(swaggerUi('swagger-ui.css'))}</style>
</head>
<body>
<div id="swagger-ui"></div>
<script>${bundle}</script>
<script>${start}</script>
</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(bundle)} ${sha256(start)}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

/** What the docs function answers, for the document given. */
export function renderDocsSite(document: OpenApiDocument): DocsSite {
  const page = renderDocsPage();
  return {
    'GET /openapi.json': {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
      body: JSON.stringify(document),
    },
    'GET /docs': {
      statusCode: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': page.csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
      body: page.html,
    },
  };
}

/** Renders the docs function's answers for AWS into a file, for the build to put beside its bundle. */
export function writeDocsSite(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'newsroom-api-docs-')), 'api-docs.json');
  writeFileSync(file, JSON.stringify(renderDocsSite(buildOpenApiDocument())));
  return file;
}
