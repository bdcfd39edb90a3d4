import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { payloadTooLarge, notFound, unauthorized } from '../lambdas/domain/errors.js';
import { claimsAsApiGatewayDelivers } from '../lambdas/http/actor.js';
import type { HttpEvent } from '../lambdas/http/api.js';
import { problemResponse } from '../lambdas/http/problem.js';
import { CORS, routeKey, type RouteSpec } from '../lambdas/http/routes.js';

/** API Gateway's own payload limit; the handlers enforce the API's tighter one. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | void>;

export interface GatewayOptions {
  routes: readonly RouteSpec[];
  handlers: Record<string, LambdaHandler>;
  verify: (token: string) => Promise<JWTPayload | undefined>;
  /** Called after every successful write, so workers react at once instead of on their next poll. */
  onWrite?: () => void;
  /** Browser origins allowed to call the API, as the HTTP API's CORS settings allow them in AWS. */
  corsOrigins?: readonly string[];
}

/** CORS headers for a request from an allowed origin; none for any other. */
function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin || !(allowed.includes(origin) || allowed.includes('*'))) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS.exposeHeaders.join(','), vary: 'origin' };
}

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
  names: string[];
}

function compile(spec: RouteSpec): CompiledRoute {
  const names: string[] = [];
  const source = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { spec, pattern: new RegExp(`^${source}$`), names };
}

/**
 * An HTTP server shaped like API Gateway's HTTP API: it matches the route, checks the JWT
 * like the JWT authorizer does, and hands the handler a payload v2.0 event.
 */
export function createGateway(options: GatewayOptions): Server {
  const compiled = options.routes.map(compile);

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const cors = corsHeaders(req.headers.origin, options.corsOrigins ?? []);
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      req.resume();
      const preflight = Object.keys(cors).length
        ? {
            ...cors,
            'access-control-allow-methods': CORS.allowMethods.join(','),
            'access-control-allow-headers': CORS.allowHeaders.join(','),
            'access-control-max-age': String(CORS.maxAgeSeconds),
          }
        : {};
      return send(res, { statusCode: 204 }, preflight);
    }
    const found = compiled
      .filter((r) => r.spec.method === method)
      .map((r) => ({ r, m: r.pattern.exec(url.pathname) }))
      .find((x) => x.m);
    if (!found) return send(res, problemResponse(notFound(`No route ${method} ${url.pathname}.`)), cors);

    let claims: Record<string, string> | undefined;
    if (found.r.spec.auth) {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const payload = token ? await options.verify(token) : undefined;
      if (!payload) {
        req.resume();
        return send(res, problemResponse(unauthorized()), { ...cors, 'www-authenticate': 'Bearer' });
      }
      claims = claimsAsApiGatewayDelivers(payload);
    }

    const body = await readBody(req);
    if (body === 'too-large') return send(res, problemResponse(payloadTooLarge(GATEWAY_MAX_BODY)), { ...cors, connection: 'close' });

    const params = Object.fromEntries(found.r.names.map((n, i) => [n, safeDecode(found.m![i + 1]!)]));
    const event = toEvent(req, url, found.r.spec, params, body, claims);
    const handler = options.handlers[found.r.spec.fn];
    if (!handler) throw new Error(`no handler for ${found.r.spec.fn}`);
    const result = (await handler(event, lambdaContext(found.r.spec.fn, event.requestContext.requestId))) ?? { statusCode: 200 };
    send(res, result, cors);
    if (method !== 'GET' && (result.statusCode ?? 200) < 300) options.onWrite?.();
  };

  return createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) send(res, problemResponse(new Error('gateway failure')));
      else res.destroy();
    });
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const TEXTUAL = /^(application\/([a-z0-9.+-]*\+)?json|text\/)/i;

function toEvent(
  req: IncomingMessage,
  url: URL,
  spec: RouteSpec,
  pathParameters: Record<string, string>,
  body: Buffer,
  claims: Record<string, string> | undefined,
): HttpEvent {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const textual = TEXTUAL.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(spec),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body.byteLength ? body.toString(textual ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: body.byteLength > 0 && !textual,
    stageVariables: undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: spec.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(spec),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  } as HttpEvent;
}

function lambdaContext(functionName: string, awsRequestId: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2, extra: Record<string, string> = {}) {
  const body = result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  res.writeHead(result.statusCode ?? 200, {
    ...(result.headers as Record<string, string>),
    ...extra,
    'content-length': String(body.byteLength),
  });
  res.end(body);
}
