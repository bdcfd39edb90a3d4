import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenApiDocument } from '../../lib/openapi/document.js';
import { LIMITS } from '../../lambdas/domain/article.js';
import { readFixture } from '../support/fixture-article.js';
import { call, LocalNewsroom, newDataDir, type ApiResponse } from '../support/local-newsroom.js';
import { ContractChecker, finishedMarker, readRecordings } from '../support/openapi-contract.js';

/**
 * The contract: what the newsroom answers is what its OpenAPI document says. First a walk through
 * every operation (its answers checked at once), then every response all the other end-to-end
 * files received through `call`. This file runs last (tests/support/slow-first-sequencer.mjs).
 */
let newsroom: LocalNewsroom;
let api: string;
let checker: ContractChecker;
let reporter: string;
let editor: string;
let chief: string;
const seen = new Set<string>();

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  api = newsroom.url;
  [reporter, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('eddie', 'editors', 'Eddie Editor'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
  ]);
  checker = new ContractChecker((await call(`${api}/openapi.json`)).body as OpenApiDocument as never);
});
afterAll(() => newsroom.stop());

/** Calls the newsroom and holds the answer to the document at once. */
async function conform(path: string, init: Parameters<typeof call>[1] = {}, status?: number): Promise<ApiResponse> {
  const res = await call(`${api}${path}`, init);
  const method = init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET');
  const body = res.body === undefined ? '' : typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  const result = checker.check({
    method,
    path: new URL(`${api}${path}`).pathname,
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body,
    test: '',
  });
  expect({ call: `${method} ${path}`, status: res.status, issues: result?.issues }).toEqual({
    call: `${method} ${path}`,
    status: status ?? res.status,
    issues: [],
  });
  seen.add(`${result!.operation} ${res.status}`);
  return res;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('every operation answers as its OpenAPI document says', () => {
  it('walks the whole API with the fixture article: successes, and each kind of problem', async () => {
    const fixture = readFixture('tajikistan-border.txt');
    const filing = { headline: fixture.headline, standfirst: fixture.standfirst, body: fixture.body, tags: ['tajikistan'] };

    await conform('/health', {}, 200);
    await conform('/openapi.json', {}, 200);
    await conform('/docs', {}, 200);
    await conform('/articles', { body: filing }, 401);

    const created = await conform('/articles', { token: reporter, body: filing, headers: { 'idempotency-key': 'contract-1' } }, 201);
    const id = created.body.id as string;
    const replayed = await conform('/articles', { token: reporter, body: filing, headers: { 'idempotency-key': 'contract-1' } }, 201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    await conform('/articles', { token: reporter, body: { ...filing, tags: [] }, headers: { 'idempotency-key': 'contract-1' } }, 422);
    await conform('/articles', { token: reporter, body: { ...filing, byline: 'x' } }, 400);
    await conform('/articles', { token: reporter, raw: 'headline', headers: { 'content-type': 'text/plain' } }, 415);
    await conform('/articles', { token: reporter, body: { ...filing, body: 'x'.repeat(LIMITS.requestBytes + 1) } }, 413);

    await conform(`/articles/${id}`, { token: reporter }, 200);
    await conform('/articles/no-such-article', { token: reporter }, 404);
    await conform(`/articles/${id}`, { method: 'PATCH', token: reporter, body: { standfirst: 'Updated.' } }, 428);
    await conform(
      `/articles/${id}`,
      { method: 'PATCH', token: reporter, body: { standfirst: 'Updated.' }, headers: { 'if-match': '"99"' } },
      412,
    );
    await conform(
      `/articles/${id}`,
      { method: 'PATCH', token: reporter, body: { standfirst: 'Updated.' }, headers: { 'if-match': '"1"' } },
      200,
    );
    await conform('/articles?author=rita&limit=5', { token: reporter }, 200);
    await conform('/articles?limit=many', { token: reporter }, 400);
    await conform(`/articles/${id}/history?limit=5`, { token: reporter }, 200);
    await conform(`/articles/${id}/history?limit=0`, { token: reporter }, 400);

    await conform(`/articles/${id}/submit`, { method: 'POST', token: reporter }, 200);
    await conform(`/articles/${id}/submit`, { method: 'POST', token: reporter }, 409);
    await conform(`/articles/${id}/withdraw`, { method: 'POST', token: reporter, headers: { 'idempotency-key': 'contract-2' } }, 200);
    await conform(`/articles/${id}/submit`, { method: 'POST', token: reporter }, 200);
    await conform(`/articles/${id}/request-changes`, { token: editor, body: { comment: 'Attribute the 20,000 figure.' } }, 200);
    await conform(`/articles/${id}/submit`, { method: 'POST', token: reporter }, 200);
    await conform(`/articles/${id}/approve`, { token: reporter, body: {} }, 403);
    await conform(`/articles/${id}/approve`, { token: chief, body: {} }, 428);
    let etag = (await conform(`/articles/${id}`, { token: chief }, 200)).headers.get('etag')!;
    await conform(`/articles/${id}/approve`, { token: chief, body: { publishAt: later(3_600_000) }, headers: { 'if-match': etag } }, 200);
    await conform(`/articles/${id}/schedule`, { token: chief, body: { publishAt: later(7_200_000) } }, 200);
    await conform(`/articles/${id}/unschedule`, { method: 'POST', token: chief }, 200);
    etag = (await conform(`/articles/${id}`, { token: chief }, 200)).headers.get('etag')!;
    await conform(`/articles/${id}/approve`, { token: chief, body: { publishAt: later(3_600_000) }, headers: { 'if-match': etag } }, 200);
    etag = (await conform(`/articles/${id}`, { token: chief }, 200)).headers.get('etag')!;
    await conform(`/articles/${id}/publish`, { method: 'POST', token: chief, headers: { 'if-match': etag } }, 200);

    const other = (await conform('/articles', { token: reporter, body: { headline: 'With a photo', body: 'Copy.' } }, 201)).body
      .id as string;
    const png = { filename: 'pixel.png', contentType: 'image/png', size: 68, caption: 'The border post' };
    const attached = await conform(`/articles/${other}/media`, { token: reporter, body: png }, 201);
    await conform(`/articles/${other}/media`, { token: reporter, body: { ...png, contentType: 'application/x-msdownload' } }, 415);
    await conform(`/articles/${other}/media`, { token: reporter }, 200);
    const file = `/articles/${other}/media/${attached.body.id as string}`;
    await conform(file, { method: 'PATCH', token: reporter, body: { caption: 'The border post at dawn', credit: null } }, 200);
    await conform(file, { method: 'PATCH', token: reporter, body: {} }, 400);
    await conform(file, { method: 'PATCH', token: editor, body: { caption: 'x'.repeat(1_001) } }, 400);
    await conform(file, { method: 'DELETE', token: reporter }, 204);
    await conform(`/articles/${other}/media/no-such-file`, { method: 'DELETE', token: reporter }, 404);

    // After publication: corrections, the revisions they write, taking down and killing.
    const fix = { body: `${fixture.body}\n\nCorrected.`, note: 'An earlier version misstated the figure.' };
    await conform(`/articles/${id}/correct`, { token: editor, body: fix }, 428);
    etag = (await conform(`/articles/${id}`, { token: editor }, 200)).headers.get('etag')!;
    await conform(`/articles/${id}/correct`, { token: editor, body: { ...fix, body: fixture.body }, headers: { 'if-match': etag } }, 400);
    await conform(
      `/articles/${id}/correct`,
      { token: editor, body: fix, headers: { 'if-match': etag, 'idempotency-key': 'contract-3' } },
      200,
    );
    await conform(`/articles/${id}/revisions?limit=1`, { token: editor }, 200);
    await conform(`/articles/${id}/revisions?limit=0`, { token: editor }, 400);
    await conform(`/articles/${id}/revisions/1`, { token: reporter }, 200);
    await conform(`/articles/${id}/revisions/99`, { token: reporter }, 404);
    await conform(`/articles/${id}/revisions/2/diff`, { token: reporter }, 200);
    await conform(`/articles/${id}/revisions/1/diff`, { token: reporter }, 400);
    etag = (await conform(`/articles/${id}`, { token: editor }, 200)).headers.get('etag')!;
    await conform(`/articles/${id}/revisions/1/restore`, { method: 'POST', token: editor, headers: { 'if-match': etag } }, 409);
    await conform(`/articles/${id}/unpublish`, { token: editor, body: { reason: 'Legal advice.' } }, 403);
    await conform(`/articles/${id}/unpublish`, { token: chief, body: {} }, 400);
    await conform(`/articles/${id}/unpublish`, { token: chief, body: { reason: 'Legal advice.' } }, 200);
    etag = (await conform(`/articles/${id}`, { token: editor }, 200)).headers.get('etag')!;
    await conform(`/articles/${id}/revisions/1/restore`, { method: 'POST', token: editor }, 428);
    await conform(`/articles/${id}/revisions/1/restore`, { method: 'POST', token: editor, headers: { 'if-match': etag } }, 200);

    // Comments, on an article that is then killed.
    const comments = `/articles/${id}/comments`;
    const note = await conform(comments, { token: editor, body: { text: 'Who counted them?', quote: 'crossed' } }, 201);
    await conform(comments, { token: editor, body: { text: ' ' } }, 400);
    await conform(`${comments}?limit=10`, { token: reporter }, 200);
    await conform(`${comments}/${note.body.id as string}/resolve`, { method: 'POST', token: reporter }, 200);
    await conform(`${comments}/${note.body.id as string}`, { method: 'DELETE', token: reporter }, 403);
    const mine = await conform(comments, { token: reporter, body: { text: 'Counted by the border guards.' } }, 201);
    await conform(`${comments}/${mine.body.id as string}`, { method: 'DELETE', token: reporter }, 204);
    await conform(`${comments}/${mine.body.id as string}/resolve`, { method: 'POST', token: reporter }, 404);
    await conform(`/articles/${id}/kill`, { token: chief, body: { reason: 'The source withdrew.' } }, 200);
    await conform(comments, { token: editor, body: { text: 'Too late.' } }, 409);
    await conform(`/articles/${id}/kill`, { token: chief, body: { reason: 'Again.' } }, 409);

    // Spiking a draft, and bringing it back.
    await conform(`/articles/${other}/spike`, { method: 'POST', token: reporter }, 200);
    await conform(`/articles/${other}/unspike`, { method: 'POST', token: reporter, headers: { 'idempotency-key': 'contract-4' } }, 200);
    await conform(`/articles/${other}/spike`, { token: reporter, body: { reason: 'Overtaken by events.' } }, 200);

    // The delivery log (this newsroom has no webhook targets: nothing to redeliver).
    await conform('/deliveries', { token: reporter }, 403);
    await conform('/deliveries?limit=5', { token: editor }, 200);
    await conform('/deliveries?status=lost', { token: editor }, 400);
    await conform(`/deliveries/${id}:2:ArticleSubmitted/redeliver`, { method: 'POST', token: chief }, 404);

    // Author profiles: defaults until saved, then the stored one, bound to its ETag.
    const profile = { name: 'Rita Reporter', bio: 'Covers the border.', function: 'Reporter' };
    await conform('/profiles/me', { token: reporter }, 200);
    await conform('/profiles/rita', { token: editor }, 404);
    const saved = await conform('/profiles/me', { method: 'PUT', token: reporter, body: profile, headers: { 'if-match': '"0"' } }, 200);
    await conform('/profiles/me', { method: 'PUT', token: reporter, body: { ...profile, name: '' } }, 400);
    await conform('/profiles/me', { method: 'PUT', token: reporter, body: profile, headers: { 'if-match': '"0"' } }, 412);
    await conform('/profiles/rita', { token: editor }, 200);
    await conform('/profiles/rita', { method: 'PUT', token: editor, body: profile }, 403);
    await conform(
      '/profiles/rita',
      { method: 'PUT', token: chief, body: profile, headers: { 'if-match': saved.headers.get('etag')! } },
      200,
    );
    await conform('/profiles/nobody-here', { method: 'PUT', token: chief, body: profile }, 404);
  });

  it(
    'every response the other end-to-end files received matches the document',
    async () => {
      // Waits for every other file of this run (the sequencer's list) to finish.
      const files = (JSON.parse(process.env.NEWSROOM_TEST_FILES ?? '[]') as string[]).filter(
        (f) => !f.endsWith('openapi-contract.test.ts'),
      );
      const deadline = Date.now() + 9 * 60_000;
      while (files.some((f) => !existsSync(finishedMarker(f))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(files.filter((f) => !existsSync(finishedMarker(f)))).toEqual([]);

      const failures = new Map<string, { count: number; example: string }>();
      for (const r of readRecordings()) {
        const result = checker.check(r);
        if (!result) continue;
        seen.add(`${result.operation} ${r.status}`);
        for (const issue of result.issues) {
          const key = `${result.operation} → ${r.status}: ${issue}`;
          const f = failures.get(key) ?? { count: 0, example: r.test };
          f.count++;
          failures.set(key, f);
        }
      }
      expect([...failures].map(([key, f]) => `${key} (${f.count}×, e.g. ${f.example})`)).toEqual([]);
    },
    10 * 60_000,
  );
});
