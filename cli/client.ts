import createClient from 'openapi-fetch';
import type { components, paths } from './api-types.js';
import type { Session } from './config.js';
import { CliError, describeProblem, EXIT, unreachable, type Problem } from './errors.js';

/** The API's shapes, as its OpenAPI document describes them. */
export type Schemas = components['schemas'];
export type Article = Schemas['Article'];

/** How long one request may take before the command gives up (exit 3). */
const REQUEST_TIMEOUT_MS = 60_000;

/** How many times a safe request is sent, at most, when the connection breaks under it. */
const RETRIES = 3;

/** The connection was made and then lost (not refused: a newsroom that is down is said at once). */
function brokenConnection(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED';
}

export type Client = ReturnType<typeof createClient<paths>>;

/** A client typed from the OpenAPI document, calling the session's newsroom with its token. */
export function clientFor(s: Session): Client {
  return createClient<paths>({
    baseUrl: s.url,
    headers: { authorization: `Bearer ${s.token}`, 'user-agent': 'newsroom-cli' },
    fetch: async (request) => {
      // A read, or a write with an Idempotency-Key, is safe to send again when the connection broke
      // before its answer arrived: a keyed write that was applied is answered again, never applied twice.
      const retriable = request.method === 'GET' || request.headers.has('idempotency-key');
      for (let attempt = 1; ; attempt++) {
        const again = retriable && attempt < RETRIES ? request.clone() : undefined;
        try {
          return await fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        } catch (err) {
          if (!again || !brokenConnection(err)) throw unreachableError(s.url, err);
          request = again;
          await new Promise((r) => setTimeout(r, 250 * attempt));
        }
      }
    },
  });
}

/** Why a request never got an answer, in words, without the token. */
export function unreachableError(url: string, err: unknown): CliError {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return unreachable(`The newsroom at ${url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
  const why = e.cause?.code ?? e.cause?.message ?? (err as Error).message;
  return unreachable(
    `Cannot reach the newsroom at ${url} (${why}). Is it running? Locally: npm start; check the URL with newsroom whoami.`,
  );
}

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful answer; a refusal becomes a CliError carrying the problem: exit 1,
 * or 3 when the token was refused (401).
 */
export async function ok<D>(
  request: Promise<Answer<D>>,
  explain?: (status: number, problem: Problem) => string | undefined,
): Promise<{ data: D; response: Response }> {
  const { data, error, response } = await request;
  if (response.ok) return { data: data as D, response };
  const problem = (error && typeof error === 'object' ? error : undefined) as Problem | undefined;
  const words = [describeProblem(response.status, problem), explain?.(response.status, problem ?? {})].filter(Boolean).join('\n');
  if (response.status === 401) {
    throw new CliError(
      `${words}\nThe newsroom refused the token: log in again (newsroom login, or newsroom login --local).`,
      EXIT.unreachable,
      error,
    );
  }
  return Promise.reject(new CliError(words, EXIT.refused, error));
}

/** Every page of a paginated list, following nextCursor until it is null or `limit` items are in. */
export async function allPages<I>(
  page: (cursor: string | undefined, want: number) => Promise<Answer<{ items: I[]; nextCursor: string | null }>>,
  limit = Infinity,
  pageMax = 100,
): Promise<{ items: I[]; nextCursor: string | null }> {
  const items: I[] = [];
  let cursor: string | undefined;
  for (;;) {
    const want = Math.min(pageMax, limit - items.length);
    const { data } = await ok(page(cursor, want));
    items.push(...data.items);
    cursor = data.nextCursor ?? undefined;
    if (!cursor || items.length >= limit) return { items: items.slice(0, limit), nextCursor: data.nextCursor };
  }
}
