import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let api: string;
let rita: string;
let omar: string;
let editor: string;
let chief: string;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  api = `${newsroom.url}/articles`;
  [rita, omar, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('omar', 'reporters', 'Omar Reporter'),
    newsroom.token('eddie', 'editors', 'Eddie Editor'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
  ]);
});
afterAll(() => newsroom.stop());

const bound = (version: number) => ({ 'if-match': `"${version}"` });

async function draft(token: string, headline: string, tags: string[] = []): Promise<{ id: string; version: number }> {
  const { status, body } = await call(api, { token, body: { headline, body: 'Copy.', tags } });
  expect(status).toBe(201);
  return { id: body.id, version: body.version };
}

async function publish(token: string, headline: string, tags: string[] = []): Promise<{ id: string; version: number }> {
  const a = await draft(token, headline, tags);
  const submitted = await call(`${api}/${a.id}/submit`, { method: 'POST', token });
  const approved = await call(`${api}/${a.id}/approve`, { token: chief, body: {}, headers: bound(submitted.body.version) });
  expect(approved.body.status).toBe('published');
  return { id: a.id, version: approved.body.version };
}

/** Every page of a list, following nextCursor; the ids in the order handed out. */
async function everyPage(token: string, query: string, limit = 100): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (let pages = 0; pages < 100; pages++) {
    const page = await call(`${api}?${query}&limit=${limit}${cursor && `&cursor=${encodeURIComponent(cursor)}`}`, { token });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.body.items.map((a: { id: string }) => a.id));
    if (!page.body.nextCursor) return ids;
    cursor = page.body.nextCursor;
  }
  throw new Error('the list never ended');
}

const tagged = (tag: string) => `tag=${encodeURIComponent(tag)}`;

describe('GET /articles?sort=updatedAt: the last changed first', () => {
  let first: { id: string; version: number };
  let second: { id: string; version: number };
  let third: { id: string; version: number };

  beforeAll(async () => {
    first = await draft(rita, 'Harbour dues rise', ['sort-check']);
    second = await draft(rita, 'Ferry timetable', ['sort-check']);
    third = await draft(rita, 'Lighthouse sold', ['sort-check']);
  });

  it('moves an article to the top when it is edited, and again when it changes status', async () => {
    expect((await everyPage(editor, 'sort=updatedAt')).slice(0, 3)).toEqual([third.id, second.id, first.id]);

    const edited = await call(`${api}/${first.id}`, {
      method: 'PATCH',
      token: rita,
      body: { standfirst: 'By a tenth.' },
      headers: bound(1),
    });
    expect(edited.status).toBe(200);
    expect((await everyPage(editor, 'sort=updatedAt')).slice(0, 3)).toEqual([first.id, third.id, second.id]);
    // The default order is by creation, and stays so.
    expect((await everyPage(editor, 'sort=createdAt')).slice(0, 3)).toEqual([third.id, second.id, first.id]);
    expect((await everyPage(editor, '')).slice(0, 3)).toEqual([third.id, second.id, first.id]);

    expect((await call(`${api}/${second.id}/submit`, { method: 'POST', token: rita })).status).toBe(200);
    expect((await everyPage(editor, 'sort=updatedAt')).slice(0, 3)).toEqual([second.id, first.id, third.id]);
    // Filtered by status, by author, and a reporter's own desk merged with what is published.
    expect(await everyPage(editor, 'status=draft&sort=updatedAt')).toEqual([first.id, third.id]);
    expect(await everyPage(editor, 'status=in_review&sort=updatedAt')).toEqual([second.id]);
    expect((await everyPage(rita, 'author=rita&sort=updatedAt')).slice(0, 3)).toEqual([second.id, first.id, third.id]);
    expect((await everyPage(rita, 'sort=updatedAt')).slice(0, 3)).toEqual([second.id, first.id, third.id]);
  });

  it('shows a reporter what the list without sort shows, only in another order, page by page', async () => {
    await publish(omar, 'Omar’s published piece');
    await draft(omar, 'Omar’s draft, not Rita’s to see');
    for (const [token, query] of [
      [rita, ''],
      [editor, ''],
      [editor, 'author=rita'],
      [rita, 'status=published'],
    ] as const) {
      const byCreation = await everyPage(token, query);
      const byChange = await everyPage(token, `${query}&sort=updatedAt`, 2);
      expect(new Set(byChange).size).toBe(byChange.length);
      expect([...byChange].sort()).toEqual([...byCreation].sort());
    }
    // A correction is a change too.
    const story = await publish(rita, 'Harbour master retires');
    const corrected = await call(`${api}/${story.id}/correct`, {
      token: editor,
      body: { standfirst: 'After 30 years.', note: 'Added his years of service.' },
      headers: bound(story.version),
    });
    expect(corrected.status).toBe(200);
    await publish(rita, 'A later story');
    expect((await everyPage(rita, 'status=published&sort=updatedAt'))[1]).toBe(story.id);
    expect((await everyPage(rita, 'status=published&sort=updatedAt'))[0]).not.toBe(story.id);
  });

  it('refuses a cursor from a list in another order', async () => {
    const page = await call(`${api}?sort=updatedAt&limit=1`, { token: editor });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const other = await call(`${api}?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: editor });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ pointer: '/query/cursor', message: 'The cursor is not valid for this list.' }]);
  });
});

describe('GET /articles?tag=', () => {
  it('finds exactly the articles with the tag that the caller may see, whatever case it is written in', async () => {
    const ritasDraft = await draft(rita, 'Polls open at seven', ['Élections', 'local']);
    const omarsDraft = await draft(omar, 'Turnout forecast', ['élections']);
    const omarsStory = await publish(omar, 'Results by district', ['ÉLECTIONS']);
    const untagged = await publish(omar, 'Weather for the vote', ['weather']);
    const spiked = await draft(omar, 'A story that will not run', ['Élections']);
    expect((await call(`${api}/${spiked.id}/spike`, { token: omar, body: {} })).status).toBe(200);

    // The desk sees the work in hand, as in its default list: spiked stories only when asked for.
    expect(await everyPage(editor, tagged('élections'))).toEqual([omarsStory.id, omarsDraft.id, ritasDraft.id]);
    expect(await everyPage(editor, `${tagged('Élections')}&status=spiked`)).toEqual([spiked.id]);
    expect(await everyPage(editor, `${tagged('ÉLECTIONS')}&status=draft`)).toEqual([omarsDraft.id, ritasDraft.id]);
    expect(await everyPage(editor, `${tagged('élections')}&author=omar`)).toEqual([spiked.id, omarsStory.id, omarsDraft.id]);
    // A reporter sees their own drafts and what is published, never a colleague's draft.
    expect(await everyPage(rita, tagged('élections'))).toEqual([omarsStory.id, ritasDraft.id]);
    expect(await everyPage(rita, `${tagged('élections')}&author=omar`)).toEqual([omarsStory.id]);
    expect(await everyPage(rita, `${tagged('élections')}&status=draft`)).toEqual([ritasDraft.id]);
    expect(await everyPage(omar, tagged('Élections'))).toEqual([spiked.id, omarsStory.id, omarsDraft.id]);
    // Items are the same summaries as in any list, the tags as written.
    const page = await call(`${api}?${tagged('élections')}`, { token: editor });
    expect(page.body.items[0]).toMatchObject({
      id: omarsStory.id,
      status: 'published',
      tags: ['ÉLECTIONS'],
      headline: 'Results by district',
    });
    expect(page.body.items[0].body).toBeUndefined();
    expect(await everyPage(editor, tagged('weather'))).toEqual([untagged.id]);
    expect(await everyPage(editor, tagged('nobody-uses-this'))).toEqual([]);
  });

  it('matches a CJK tag, and full-width Latin as the same letters', async () => {
    const cjk = await draft(rita, '選挙の結果', ['選挙', 'ＡＩ']);
    expect(await everyPage(editor, tagged('選挙'))).toEqual([cjk.id]);
    expect(await everyPage(editor, tagged('ai'))).toEqual([cjk.id]);
    expect(await everyPage(editor, tagged('選'))).toEqual([]);
  });

  it('drops an article from a tag’s list when the tag is removed, and brings it back when it is added again', async () => {
    const a = await draft(rita, 'Bridge repairs', ['Roads', 'bridges']);
    expect(await everyPage(rita, tagged('roads'))).toEqual([a.id]);

    const removed = await call(`${api}/${a.id}`, { method: 'PATCH', token: rita, body: { tags: ['bridges'] }, headers: bound(1) });
    expect(removed.status).toBe(200);
    expect(await everyPage(rita, tagged('roads'))).toEqual([]);
    expect(await everyPage(rita, tagged('bridges'))).toEqual([a.id]);

    // A change of case is the same tag: it stays listed.
    const recased = await call(`${api}/${a.id}`, { method: 'PATCH', token: rita, body: { tags: ['Bridges', 'ROADS'] }, headers: bound(2) });
    expect(recased.status).toBe(200);
    expect(await everyPage(rita, tagged('roads'))).toEqual([a.id]);
    expect(await everyPage(rita, tagged('bridges'))).toEqual([a.id]);

    // Restoring the first revision restores its tags, lists included.
    const restored = await call(`${api}/${a.id}/revisions/2/restore`, { token: rita, body: {}, headers: bound(3) });
    expect(restored.status).toBe(200);
    expect(restored.body.tags).toEqual(['bridges']);
    expect(await everyPage(rita, tagged('roads'))).toEqual([]);
  });

  it('corrections change a published article’s tags in the lists too', async () => {
    const story = await publish(rita, 'Council budget', ['budget']);
    const corrected = await call(`${api}/${story.id}/correct`, {
      token: editor,
      body: { tags: ['council'], note: 'Filed under the right desk.', kind: 'update' },
      headers: bound(story.version),
    });
    expect(corrected.status).toBe(200);
    expect(await everyPage(omar, tagged('budget'))).toEqual([]);
    expect(await everyPage(omar, tagged('council'))).toEqual([story.id]);
  });

  it('pages through a tag with a cursor, newest first, each article once', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 7; n++) ids.push((await draft(n % 2 ? rita : omar, `Paged ${n}`, ['paged'])).id);
    await draft(rita, 'Not paged', ['other']);
    expect(await everyPage(editor, tagged('paged'), 2)).toEqual([...ids].reverse());
    expect(await everyPage(editor, tagged('paged'), 1)).toEqual([...ids].reverse());
    // A reporter's pages skip a colleague's drafts, however the pages fall.
    expect(await everyPage(rita, tagged('paged'), 2)).toEqual(ids.filter((_, n) => n % 2).reverse());
    const first = await call(`${api}?${tagged('paged')}&limit=3`, { token: editor });
    const other = await call(`${api}?${tagged('Other')}&limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: editor });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ pointer: '/query/cursor', message: 'The cursor is not valid for this list.' }]);
  });

  it('says which combinations it does not take, with a pointer to the parameter', async () => {
    for (const sort of ['updatedAt', 'publishAt']) {
      const res = await call(`${api}?tag=x&sort=${sort}`, { token: editor });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([
        {
          pointer: '/query/sort',
          message: `\`tag\` lists are newest first by creation: \`sort=${sort}\` cannot go with \`tag\`; leave \`sort\` out.`,
        },
      ]);
    }
    expect((await call(`${api}?tag=x&sort=createdAt`, { token: editor })).status).toBe(200);
    expect((await call(`${api}?tag=x&status=scheduled`, { token: editor })).status).toBe(200);
    const blank = await call(`${api}?tag=%20`, { token: editor });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ pointer: '/query/tag', message: '`tag` must not be blank.' }]);
    const long = await call(`${api}?tag=${'t'.repeat(51)}`, { token: editor });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([{ pointer: '/query/tag', message: '`tag` is at most 50 characters (got 51).' }]);
    const sort = await call(`${api}?sort=title`, { token: editor });
    expect(sort.body.errors).toEqual([{ pointer: '/query/sort', message: '`sort` must be one of createdAt, updatedAt, publishAt.' }]);
  });
});
