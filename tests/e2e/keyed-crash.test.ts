import { afterAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

/**
 * A keyed approval that DynamoDB accepted, in a newsroom killed (SIGKILL) before it could answer:
 * the client never heard, and retries with the same key once the newsroom is back.
 */
const dataDir = newDataDir();
const running: LocalNewsroom[] = [];
afterAll(() => Promise.all(running.map((n) => n.stop())));

async function start(env: Record<string, string> = {}) {
  const newsroom = await new LocalNewsroom(dataDir, env).start();
  running.push(newsroom);
  return newsroom;
}

describe('a keyed transition applied by a newsroom that died before answering', () => {
  it('is replayed to the retry on its first try after the restart, never refused', async () => {
    const crashing = await start({ NEWSROOM_TEST_CRASH_AFTER_KEYED_WRITE: '1' });
    const [reporter, chief] = await Promise.all([crashing.token('rita', 'reporters'), crashing.token('carla', 'chief-editors')]);
    const { body: draft } = await call(`${crashing.url}/articles`, { token: reporter, body: { headline: 'Border talks', body: 'Copy.' } });
    const submitted = await call(`${crashing.url}/articles/${draft.id}/submit`, { method: 'POST', token: reporter });
    expect(submitted.status).toBe(200);

    // Key order and spacing differ between the attempts: the same request all the same.
    const approve = (url: string, raw: string) =>
      call(`${url}/articles/${draft.id}/approve`, {
        token: chief,
        raw,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'approve-border-talks', 'if-match': '"2"' },
      });
    await expect(approve(crashing.url, '{}')).rejects.toThrow();
    expect(await crashing.ended()).toEqual({ code: null, signal: 'SIGKILL' });

    const newsroom = await start();
    const retry = await approve(newsroom.url, ' { } ');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ id: draft.id, status: 'published', version: 3 });
    expect(retry.headers.get('etag')).toBe('"3"');

    // Applied once: one approval in the history, and a second retry is replayed from the record.
    const history = await call(`${newsroom.url}/articles/${draft.id}/history`, { token: chief });
    expect(history.body.items.filter((h: { type: string }) => h.type === 'ArticleApproved')).toHaveLength(1);
    const again = await approve(newsroom.url, '{}');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // The key still belongs to that one request.
    const other = await call(`${newsroom.url}/articles/${draft.id}/approve`, {
      token: chief,
      body: { publishAt: new Date(Date.now() + 86_400_000).toISOString() },
      headers: { 'idempotency-key': 'approve-border-talks', 'if-match': '"2"' },
    });
    expect(other.status).toBe(422);
  });
});
