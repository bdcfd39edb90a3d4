import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { claimsAsApiGatewayDelivers } from '../lambdas/http/actor.js';
import type { HttpEvent } from '../lambdas/http/api.js';
import { CORS, routeKey, type RouteSpec } from '../lambdas/http/routes.js';
import type { RequestRecord } from './request-log.js';
import type { TokenCheck } from './tokens.js';
import { explainRefusal } from './unauthorized.js';

/**
 * Lambda's limit on a synchronous invocation's request payload (the whole v2.0 event, body
 * base64-encoded when binary); API Gateway's own 10 MB limit is never the one reached first.
 * The handlers enforce the API's tighter limit on bodies below it.
 */
export const LAMBDA_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | void>;

export interface GatewayOptions {
  routes: readonly RouteSpec[];
  handlers: Record<string, LambdaHandler>;
  verify: (token: string) => Promise<TokenCheck>;
  /** Called after every successful write, so workers react at once instead of on their next poll. */
  onWrite?: (event: HttpEvent) => void;
  /** Browser origins allowed to call the API, as the HTTP API's CORS settings allow them in AWS. */
  corsOrigins?: readonly string[];
  /** How long a client may take to send a whole request (headers and body), like a real gateway's timeouts. */
  requestTimeoutMs?: number;
  /** Connections past this many are refused at once. */
  maxConnections?: number;
  /** Told of every request once it is answered (or its connection closed), for the request log. */
  onRequest?: (record: RequestRecord) => void;
  /** Paths served by something other than the API, as CloudFront serves the public site: no token, no route table. */
  mounts?: readonly { prefix: string; serve: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> }[];
}

/**
 * The answers API Gateway's HTTP API gives itself, before or instead of a Lambda: always
 * `application/json` with a `message`, never problem+json.
 */
const GATEWAY_ANSWERS = {
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
} as const;

function gatewayAnswer(status: keyof typeof GATEWAY_ANSWERS): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: GATEWAY_ANSWERS[status] }),
  };
}

/**
 * The JWT authorizer's challenge: the bare scheme when no token came, the reason in the
 * layout API Gateway documents when one was refused.
 */
function challenge(refusal?: string): string {
  return refusal ? `Bearer scope="" error="invalid_token" error_description="${refusal}"` : 'Bearer';
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
  /** Who called, or why their token was refused, for the request log. */
  const seen = new WeakMap<ServerResponse, Pick<RequestRecord, 'caller' | 'refusal'>>();

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const mount = options.mounts?.find((m) => url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
    if (mount) {
      req.resume();
      return mount.serve(req, res, url);
    }
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
    // As in API Gateway: a route for the method first; ANY only for methods its path does not define.
    const match = (m: string) =>
      compiled
        .filter((r) => r.spec.method === m)
        .map((r) => ({ r, m: r.pattern.exec(url.pathname) }))
        .find((x) => x.m);
    const found = match(method) ?? match('ANY');
    if (!found) {
      req.resume();
      return send(res, gatewayAnswer(404), cors);
    }

    let claims: Record<string, string> | undefined;
    if (found.r.spec.auth) {
      const header = req.headers.authorization;
      const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
      const check: TokenCheck = header ? (token ? await options.verify(token) : { refusal: 'the token is malformed' }) : { refusal: '' };
      if ('refusal' in check) {
        req.resume();
        seen.set(res, { refusal: check.refusal || 'no token' });
        // API Gateway's own body, plus locally the reason and what to do, for whoever reads only the body.
        const unauthorized = {
          ...gatewayAnswer(401),
          body: JSON.stringify({ message: 'Unauthorized', reason: explainRefusal(check.refusal) }),
        };
        return send(res, unauthorized, { ...cors, 'www-authenticate': challenge(check.refusal) });
      }
      claims = claimsAsApiGatewayDelivers(check.payload);
      seen.set(res, { caller: claims.sub });
    }

    const body = await readBody(req);
    if (body === 'too-large') return tooLarge(req, res, cors);

    const params = Object.fromEntries(found.r.names.map((n, i) => [n, safeDecode(found.m![i + 1]!)]));
    const event = toEvent(req, url, found.r.spec, params, body, claims);
    if (Buffer.byteLength(JSON.stringify(event)) > LAMBDA_MAX_REQUEST_BYTES) return tooLarge(req, res, cors);
    const handler = options.handlers[found.r.spec.fn];
    if (!handler) throw new Error(`no handler for ${found.r.spec.fn}`);
    const result = (await handler(event, lambdaContext(found.r.spec.fn, event.requestContext.requestId))) ?? { statusCode: 200 };
    send(res, result, cors);
    if (method !== 'GET' && method !== 'HEAD' && (result.statusCode ?? 200) < 300) options.onWrite?.(event);
  };

  // A client that stalls its headers or body is cut off (408) once the request timeout passes,
  // as API Gateway never waits on a client for long; Node checks for them every quarter of it.
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      if (options.onRequest) {
        const started = performance.now();
        const method = req.method ?? 'GET';
        const path = (req.url ?? '/').split('?')[0]!;
        res.once('close', () =>
          options.onRequest!({
            method,
            path,
            status: res.headersSent ? res.statusCode : 0,
            ms: performance.now() - started,
            ...seen.get(res),
          }),
        );
      }
      // A handler that throws is a 500 from API Gateway in AWS, not a problem document.
      serve(req, res).catch(() => {
        if (!res.headersSent) send(res, gatewayAnswer(500));
        else res.destroy();
      });
    },
  );
  server.maxConnections = options.maxConnections ?? 256;
  // Idle keep-alive connections stay open longer than clients keep them: with Node's 5-second
  // default, a newsroom busy for a few seconds closed sockets that already carried a request.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** 413 for a request Lambda would refuse; the rest of its body is read and dropped, up to a bound. */
function tooLarge(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
  send(res, gatewayAnswer(413), { ...cors, connection: 'close' });
}

/** Beyond API Gateway's own 10 MB limit a client gets no further hearing. */
const DRAIN_LIMIT_BYTES = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  // Stops collecting where the body alone would already take the event past Lambda's limit
  // (without destroying the request, so that the client still reads the 413).
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      chunks.push(chunk);
      if (size > LAMBDA_MAX_REQUEST_BYTES) {
        req.off('data', onData).off('end', onEnd).off('error', fail);
        req.pause();
        ok('too-large');
      }
    };
    const onEnd = () => ok(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', fail);
  });
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
        method: (req.method ?? 'GET').toUpperCase(),
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
