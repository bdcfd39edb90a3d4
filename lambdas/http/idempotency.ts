import { createHash } from 'node:crypto';
import { badInput, conflict, keyReused, ProblemError } from '../domain/errors.js';
import type { AppliedKey } from '../usecases/ports.js';
import type { ApiRequest, HttpResult, Route } from './api.js';
import { log } from './log.js';

/**
 * What a completed request is remembered by under its Idempotency-Key: the article it changed
 * and the version it left, never the response itself. A response can be far larger than any
 * record may be (a long body in a non-Latin script), and a kept copy would also bypass the
 * permission check a replay must make.
 */
export interface StoredOutcome {
  statusCode: number;
  articleId: string;
  version: number;
}

export type IdempotencyBegin =
  | { state: 'started' }
  | { state: 'in-progress'; fingerprint: string }
  | { state: 'completed'; fingerprint: string; outcome: StoredOutcome };

/** Where idempotency records live: the articles table, under their own key prefix. */
export interface IdempotencyStore {
  /** Claims the key for this request, unless a live record for it exists. */
  begin(recordId: string, fingerprint: string, now: Date): Promise<IdempotencyBegin>;
  complete(recordId: string, outcome: StoredOutcome): Promise<void>;
  /** Releases the key after a refused request, so a corrected retry may use it. */
  release(recordId: string): Promise<void>;
}

/** Finds the outcome of a transition a key applied, in the article's own record of it. */
export type AppliedLookup = (articleId: string, key: AppliedKey) => Promise<StoredOutcome | undefined>;

/** A route's answer together with the outcome a retry is rebuilt from. */
export interface IdempotentResult {
  response: HttpResult;
  outcome: StoredOutcome;
}

/** Rebuilds the answer to a retry from what was kept, for the caller as they are now. */
export type Replay = (req: ApiRequest, outcome: StoredOutcome) => Promise<HttpResult>;

const KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The record id for a key: scoped to the caller, the route and the article, so keys never collide across them. */
export function recordIdFor(actorId: string, routeKey: string, articleId: string | undefined, key: string): string {
  return sha256([actorId, routeKey, articleId ?? '', key].join('\n'));
}

/**
 * The request as far as it decides the outcome: what its body means (the same JSON with other
 * spacing or key order is the same request) and, when sent, the version it is bound to.
 */
function fingerprintOf(req: ApiRequest): string {
  const ifMatch = req.header('if-match');
  const body = canonicalBody(req.rawBody ?? '');
  return sha256(ifMatch === undefined ? body : `${body}\nIf-Match: ${ifMatch}`);
}

/** JSON with its object keys sorted and no insignificant space; anything else as sent. */
export function canonicalBody(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), (_, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );
  } catch {
    return raw;
  }
}

/**
 * Makes a route idempotent for requests that carry an Idempotency-Key: a retry gets the first
 * request's outcome again (rebuilt from the article, shown only to a caller who may still read
 * it); the same key with a different request is a 422; a retry while the first is still running
 * is a 409. Requests without the header run as usual. Once the write has committed, the caller
 * is always told so, even if the record of it cannot be kept.
 */
export function idempotent(
  store: IdempotencyStore,
  routeKey: string,
  route: (req: ApiRequest, key?: AppliedKey) => Promise<IdempotentResult>,
  replay: Replay,
  applied?: AppliedLookup,
): Route {
  return async (req) => {
    const key = req.header('idempotency-key');
    if (key === undefined) return (await route(req)).response;
    if (!KEY.test(key)) throw badInput('/headers/Idempotency-Key', 'Idempotency-Key must be 1–128 letters, digits or _ . : -');

    const recordId = recordIdFor(req.actor.id, routeKey, req.params.id, key);
    const fingerprint = fingerprintOf(req);
    // A transition the key already applied, though its answer never left (the process died
    // between the write and the reply): the article's own record of it is the outcome.
    const appliedOutcome = async () => {
      const outcome = await applied?.(req.params.id!, { recordId, fingerprint });
      if (outcome) await store.complete(recordId, outcome).catch(() => undefined);
      return outcome;
    };
    const replayed = async (outcome: StoredOutcome) => {
      const response = await replay(req, outcome);
      return { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } };
    };
    const begun = await store.begin(recordId, fingerprint, new Date());
    if (begun.state !== 'started') {
      if (begun.fingerprint !== fingerprint) {
        throw keyReused();
      }
      if (begun.state === 'completed') return replayed(begun.outcome);
      const outcome = await appliedOutcome();
      if (!outcome) throw conflict('A request with this Idempotency-Key is still in progress; retry shortly.');
      return replayed(outcome);
    }

    let result: IdempotentResult;
    try {
      result = await route(req, { recordId, fingerprint });
    } catch (err) {
      if (err instanceof ProblemError) {
        // Refused because this very request was applied before (its claim ran out since): replay it.
        const outcome = err.statusCode === 409 || err.statusCode === 412 ? await appliedOutcome() : undefined;
        if (outcome) return replayed(outcome);
        // A refusal changed nothing, so a corrected retry may use the key.
        await store.release(recordId);
      }
      // Anything else may have committed: the key stays claimed until its lock runs out.
      throw err;
    }
    try {
      await store.complete(recordId, result.outcome);
    } catch (err) {
      // The write has committed: the caller hears so. A retry after the lock runs out finds the
      // article as it is (a create returns it; a transition is refused as no longer fitting).
      log.warn('could not record an idempotent outcome', { routeKey, error: err });
    }
    return result.response;
  };
}
