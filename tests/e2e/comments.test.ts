import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let nr: LocalNewsroom;
let receiver: WebhookReceiver;
let rita: string; // the reporter who writes the article
let otto: string; // another reporter
let eddie: string; // an editor
let carla: string; // the chief editor

beforeAll(async () => {
  receiver = await new WebhookReceiver('comments').start();
  nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: 'comments' }).start();
  rita = await nr.token('rita', 'reporters', 'Rita Reporter');
  otto = await nr.token('otto', 'reporters', 'Otto Other');
  eddie = await nr.token('eddie', 'editors', 'Eddie Editor');
  carla = await nr.token('carla', 'chief-editors', 'Carla Chief');
}, 60_000);

afterAll(async () => {
  await nr?.stop();
  await receiver?.stop();
});

async function draft(headline = 'Bridge closed'): Promise<string> {
  const res = await call(`${nr.url}/articles`, { token: rita, body: { headline, body: 'The bridge is closed.\n\nTraffic is diverted.' } });
  expect(res.status).toBe(201);
  return res.body.id;
}

const comments = (id: string) => `${nr.url}/articles/${id}/comments`;

describe('an article’s comment thread', () => {
  it('takes notes from the desk and the author, oldest first, and tells subscribers with CommentAdded', async () => {
    const id = await draft();
    const before = await call(`${nr.url}/articles/${id}`, { token: rita });
    const first = await call(comments(id), { token: eddie, body: { text: 'Who closed it?', quote: 'The bridge is closed.' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^\d{13}-[0-9a-f]{12}$/),
      author: { id: 'eddie', name: 'Eddie Editor' },
      text: 'Who closed it?',
      quote: 'The bridge is closed.',
      createdAt: expect.any(String),
      resolvedAt: null,
      resolvedBy: null,
    });
    const second = await call(comments(id), { token: rita, body: { text: 'The council; I will add it.' } });
    expect(second.status).toBe(201);
    expect(second.body.quote).toBeNull();

    const list = await call(comments(id), { token: rita });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [first.body, second.body], nextCursor: null });

    const got = await eventually(() => {
      const added = receiver.of(id).filter((r) => r.type === 'CommentAdded');
      return added.length === 2 ? added : undefined;
    });
    expect(got.map((r) => r.event.comment)).toEqual([
      { id: first.body.id, author: { id: 'eddie', name: 'Eddie Editor' }, text: 'Who closed it?', quote: 'The bridge is closed.' },
      { id: second.body.id, author: { id: 'rita', name: 'Rita Reporter' }, text: 'The council; I will add it.', quote: null },
    ]);
    expect(got.every((r) => r.signatureValid && r.event.articleId === id)).toBe(true);

    // Not a transition: it stays out of history, and the article keeps its version (an If-Match taken before still holds).
    const history = await call(`${nr.url}/articles/${id}/history`, { token: rita });
    expect(history.body.items.map((e: { type: string }) => e.type)).not.toContain('CommentAdded');
    const article = await call(`${nr.url}/articles/${id}`, { token: rita });
    expect(article.body.version).toBe(before.body.version);
    expect(article.headers.get('etag')).toBe(before.headers.get('etag'));

    // Once delivered, the thread reads the same from the comment items.
    expect((await call(comments(id), { token: eddie })).body.items).toEqual([first.body, second.body]);
  });

  it('pages with an opaque cursor bound to its article', async () => {
    const id = await draft();
    const other = await draft();
    const written = [];
    for (const n of [1, 2, 3, 4, 5]) written.push((await call(comments(id), { token: eddie, body: { text: `Note ${n}` } })).body);
    const seen = [];
    let cursor: string | null = null;
    do {
      const page: any = await call(`${comments(id)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: eddie });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((c) => c.text)).toEqual(['Note 1', 'Note 2', 'Note 3', 'Note 4', 'Note 5']);

    const page1 = await call(`${comments(id)}?limit=2`, { token: eddie });
    const elsewhere = await call(`${comments(other)}?cursor=${page1.body.nextCursor}`, { token: eddie });
    expect(elsewhere.status).toBe(400);
    expect((await call(`${comments(id)}?cursor=bm9wZQ`, { token: eddie })).status).toBe(400);
    expect((await call(`${comments(id)}?limit=0`, { token: eddie })).status).toBe(400);
  });

  it('shows the note of a request-changes in the thread, at once and after delivery', async () => {
    const id = await draft();
    await call(`${nr.url}/articles/${id}/submit`, { method: 'POST', token: rita });
    const sent = await call(`${nr.url}/articles/${id}/request-changes`, {
      token: eddie,
      body: { comment: 'Add the council’s statement.' },
    });
    expect(sent.status).toBe(200);
    const thread = await call(comments(id), { token: rita });
    expect(thread.body.items).toEqual([
      expect.objectContaining({ author: { id: 'eddie', name: 'Eddie Editor' }, text: 'Add the council’s statement.', quote: null }),
    ]);
    await eventually(() => receiver.of(id).some((r) => r.type === 'ChangesRequested') || undefined);
    const after = await call(comments(id), { token: rita });
    expect(after.body.items).toEqual(thread.body.items);

    // It resolves like any other, and only its writer may delete it.
    const note = thread.body.items[0];
    const resolved = await call(`${comments(id)}/${note.id}/resolve`, { method: 'POST', token: rita });
    expect(resolved.body).toMatchObject({ id: note.id, resolvedBy: { id: 'rita', name: 'Rita Reporter' } });
    expect((await call(`${comments(id)}/${note.id}`, { method: 'DELETE', token: rita })).status).toBe(403);
    expect((await call(`${comments(id)}/${note.id}`, { method: 'DELETE', token: eddie })).status).toBe(204);
    expect((await call(comments(id), { token: rita })).body.items).toEqual([]);
  });

  it('resolves once: a second resolve changes nothing', async () => {
    const id = await draft();
    const c = (await call(comments(id), { token: eddie, body: { text: 'Check the date.' } })).body;
    const once = await call(`${comments(id)}/${c.id}/resolve`, { method: 'POST', token: rita });
    expect(once.status).toBe(200);
    expect(once.body).toEqual({ ...c, resolvedAt: expect.any(String), resolvedBy: { id: 'rita', name: 'Rita Reporter' } });
    const twice = await call(`${comments(id)}/${c.id}/resolve`, { method: 'POST', token: carla });
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(once.body);
    expect((await call(comments(id), { token: eddie })).body.items).toEqual([once.body]);
  });

  it('lets only the writer delete a comment; it is then gone, for good', async () => {
    const id = await draft();
    const c = (await call(comments(id), { token: eddie, body: { text: 'Too long.' } })).body;
    expect((await call(`${comments(id)}/${c.id}`, { method: 'DELETE', token: rita })).status).toBe(403);
    expect((await call(`${comments(id)}/${c.id}`, { method: 'DELETE', token: carla })).status).toBe(403);
    expect((await call(`${comments(id)}/${c.id}`, { method: 'DELETE', token: eddie })).status).toBe(204);
    expect((await call(comments(id), { token: eddie })).body.items).toEqual([]);
    expect((await call(`${comments(id)}/${c.id}`, { method: 'DELETE', token: eddie })).status).toBe(404);
    expect((await call(`${comments(id)}/${c.id}/resolve`, { method: 'POST', token: eddie })).status).toBe(404);
    // Once delivered, the dispatcher does not bring it back.
    await eventually(() => receiver.of(id).some((r) => r.type === 'CommentAdded') || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect((await call(comments(id), { token: eddie })).body.items).toEqual([]);
  });

  it('is hidden from other reporters, even on a published article, and from everyone on a missing one', async () => {
    const id = await draft();
    await call(comments(id), { token: eddie, body: { text: 'A note.' } });
    await call(`${nr.url}/articles/${id}/submit`, { method: 'POST', token: rita });
    const approved = await call(`${nr.url}/articles/${id}/approve`, { token: carla, body: {}, headers: { 'if-match': '"2"' } });
    expect(approved.status).toBe(200);
    expect((await call(`${nr.url}/articles/${id}`, { token: otto })).status).toBe(200);
    const c = (await call(comments(id), { token: eddie })).body.items[0];
    for (const [method, url, body] of [
      ['GET', comments(id), undefined],
      ['POST', comments(id), { text: 'Me too.' }],
      ['POST', `${comments(id)}/${c.id}/resolve`, undefined],
      ['DELETE', `${comments(id)}/${c.id}`, undefined],
    ] as const) {
      expect((await call(url, { method, token: otto, body })).status).toBe(404);
    }
    // A body that is not valid does not tell an outsider anything either.
    expect((await call(comments(id), { token: otto, body: { nope: 1 } })).status).toBe(404);
    expect((await call(comments('no-such-article'), { token: eddie })).status).toBe(404);
    expect((await call(`${comments(id)}/1764000000000-000000000000/resolve`, { method: 'POST', token: eddie })).status).toBe(404);
    expect((await call(`${comments(id)}/not-an-id`, { method: 'DELETE', token: eddie })).status).toBe(404);
    // The published article's author and the desk still talk about it.
    expect((await call(comments(id), { token: rita, body: { text: 'Thanks.' } })).status).toBe(201);
  });

  it('checks comment text like every text field', async () => {
    const id = await draft();
    const bad = async (body: unknown) => {
      const res = await call(comments(id), { token: eddie, body });
      expect(res.status).toBe(400);
      return res.body.detail as string;
    };
    expect(await bad({ text: '' })).toMatch(/^`text` /);
    expect(await bad({ text: '\u200b\u200b' })).toMatch(/^`text` .*blank/);
    expect(await bad({ text: 'a\u0007' })).toMatch(/^`text` .*control/);
    expect(await bad({ text: 'x'.repeat(5_001) })).toMatch(/^`text` /);
    expect(await bad({ text: 'ok', quote: 'q'.repeat(501) })).toMatch(/^`quote` /);
    expect(await bad({ text: 'ok', resolvedAt: 'now' })).toMatch(/resolvedAt/);
    // 5,000 emoji are 5,000 characters.
    const emoji = await call(comments(id), { token: eddie, body: { text: '🗞'.repeat(5_000), quote: 'Cafe\u0301\r\nend' } });
    expect(emoji.status).toBe(201);
    expect(emoji.body.quote).toBe('Café\nend');
  });
});
