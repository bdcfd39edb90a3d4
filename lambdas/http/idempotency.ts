import { createHash } from 'node:crypto';
import { badRequest, conflict, ProblemError } from '../domain/errors.js';
import type { ApiRequest, HttpResult, Route } from './api.js';

/** A response kept for replay under an Idempotency-Key. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyBegin =
  | { state: 'started' }
  | { state: 'in-progress'; fingerprint: string }
  | { state: 'completed'; fingerprint: string; response: StoredResponse };

/** Where idempotency records live: the articles table, under their own key prefix. */
export interface IdempotencyStore {
  /** Claims the key for this request, unless a live record for it exists. */
  begin(recordId: string, fingerprint: string, now: Date): Promise<IdempotencyBegin>;
  complete(recordId: string, response: StoredResponse): Promise<void>;
  /** Releases the key after a refused request, so a corrected retry may use it. */
  release(recordId: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The record id for a key: scoped to the caller, the route and the article, so keys never collide across them. */
export function recordIdFor(actorId: string, routeKey: string, articleId: string | undefined, key: string): string {
  return sha256([actorId, routeKey, articleId ?? '', key].join('\n'));
}

/**
 * Makes a route idempotent for requests that carry an Idempotency-Key: the first response
 * is kept and replayed to retries; the same key with a different body is a 422; a retry while
 * the first is still running is a 409. Requests without the header run as usual.
 */
export function idempotent(
  store: IdempotencyStore,
  routeKey: string,
  route: (req: ApiRequest, recordId?: string) => Promise<HttpResult>,
): Route {
  return async (req) => {
    const key = req.header('idempotency-key');
    if (key === undefined) return route(req);
    if (!KEY.test(key)) throw badRequest('Idempotency-Key must be 1–128 letters, digits or _ . : -', { header: 'Idempotency-Key' });

    const recordId = recordIdFor(req.actor.id, routeKey, req.params.id, key);
    const fingerprint = sha256(req.rawBody ?? '');
    const begun = await store.begin(recordId, fingerprint, new Date());
    if (begun.state !== 'started') {
      if (begun.fingerprint !== fingerprint) {
        throw new ProblemError(422, 'Unprocessable Content', 'This Idempotency-Key was used with a different request body.', {
          header: 'Idempotency-Key',
        });
      }
      if (begun.state === 'in-progress') throw conflict('A request with this Idempotency-Key is still in progress; retry shortly.');
      return { ...begun.response, headers: { ...begun.response.headers, 'idempotent-replayed': 'true' } };
    }
    try {
      const response = await route(req, recordId);
      const statusCode = response.statusCode ?? 200;
      if (statusCode < 300) {
        await store.complete(recordId, {
          statusCode,
          headers: (response.headers ?? {}) as Record<string, string>,
          body: response.body ?? '',
        });
      } else {
        await store.release(recordId);
      }
      return response;
    } catch (err) {
      await store.release(recordId);
      throw err;
    }
  };
}
