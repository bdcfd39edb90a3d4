import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { LIMITS, type Actor } from '../domain/article.js';
import { badInput, notFound, payloadTooLarge, unsupportedMediaType } from '../domain/errors.js';
import type { Input } from '../usecases/articles.js';
import { actorFromClaims } from './actor.js';
import { log, startInvocation } from './log.js';
import { problemResponse } from './problem.js';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export interface ApiRequest {
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  header: (name: string) => string | undefined;
  input: Input;
  /** The body as sent, for fingerprinting; never logged. */
  rawBody: string | undefined;
}

export type Route = (req: ApiRequest) => Promise<HttpResult>;

/** 401 first, then 413 and 415: the order in which a caller can fix them. */
function readRequest(event: HttpEvent): ApiRequest {
  const actor = actorFromClaims(event.requestContext.authorizer?.jwt?.claims);
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')) : undefined;
  if (raw && raw.byteLength > LIMITS.requestBytes) throw payloadTooLarge(LIMITS.requestBytes);
  if (raw && raw.byteLength > 0 && !isJson(headers['content-type'])) throw unsupportedMediaType();
  return {
    actor,
    params: (event.pathParameters ?? {}) as Record<string, string>,
    query: event.queryStringParameters ?? {},
    header: (name) => headers[name.toLowerCase()],
    rawBody: raw?.toString('utf8'),
    input: () => {
      if (!raw || raw.byteLength === 0) return undefined;
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch {
        throw badInput('', 'The request body is not valid JSON.');
      }
    },
  };
}

const isJson = (contentType: string | undefined) =>
  !!contentType && /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(contentType.trim());

/** Turns every error into problem+json; hides and logs anything unexpected. */
const problemErrors = (): MiddlewareObj<HttpEvent, HttpResult, Error, Context> => ({
  before: (request) => startInvocation(request.context),
  onError: (request) => {
    const response = problemResponse(request.error, request.event.rawPath);
    if ((response.statusCode ?? 500) >= 500) {
      log.error('request failed', { routeKey: request.event.routeKey, error: request.error });
    }
    request.response = response;
  },
});

/** One Lambda serves a group of routes, chosen by the HTTP API's route key. */
export function httpApi(routes: Record<string, Route>) {
  return middy<HttpEvent, HttpResult, Error, Context>({ timeoutEarlyInMillis: 0 })
    .use(problemErrors())
    .handler(async (event) => {
      // HEAD is GET without the body (API Gateway routes HEAD beside every GET).
      const head = event.routeKey.startsWith('HEAD ');
      const key = head ? `GET${event.routeKey.slice(4)}` : event.routeKey;
      const route = Object.hasOwn(routes, key) ? routes[key] : undefined;
      if (!route) throw notFound(`No route ${event.routeKey}.`);
      const response = await route(readRequest(event));
      return head ? { ...response, body: undefined } : response;
    });
}
