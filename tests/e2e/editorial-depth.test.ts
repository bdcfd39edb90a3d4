import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let reporter: string;
let rival: string;
let editor: string;
let chief: string;
let api: string;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  api = `${newsroom.url}/articles`;
  [reporter, rival, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('omar', 'reporters'),
    newsroom.token('eddie', 'editors', 'Eddie Editor'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
  ]);
});
afterAll(() => newsroom.stop());

const bound = (version: number) => ({ 'if-match': `"${version}"` });

async function published(headline = 'Border talks'): Promise<{ id: string; version: number }> {
  const { body } = await call(api, { token: reporter, body: { headline, body: 'Troops moved to the border on Monday.' } });
  const submitted = await call(`${api}/${body.id}/submit`, { method: 'POST', token: reporter });
  const approved = await call(`${api}/${body.id}/approve`, { token: chief, body: {}, headers: bound(submitted.body.version) });
  expect(approved.body.status).toBe('published');
  return { id: body.id, version: approved.body.version };
}

describe('corrections', () => {
  it('a published article changes only through correct, which keeps a public note and a revision', async () => {
    const a = await published();
    expect(
      (await call(`${api}/${a.id}`, { method: 'PATCH', token: editor, body: { headline: 'x' }, headers: bound(a.version) })).status,
    ).toBe(409);
    const fix = { body: 'Troops moved to the border on Tuesday.', note: 'An earlier version gave the wrong day.' };
    expect((await call(`${api}/${a.id}/correct`, { token: editor, body: fix })).status).toBe(428);
    expect((await call(`${api}/${a.id}/correct`, { token: editor, body: fix, headers: bound(a.version - 1) })).status).toBe(412);
    expect((await call(`${api}/${a.id}/correct`, { token: reporter, body: fix, headers: bound(a.version) })).status).toBe(403);
    const unchanged = await call(`${api}/${a.id}/correct`, {
      token: editor,
      body: { headline: 'Border talks', note: 'No change.' },
      headers: bound(a.version),
    });
    expect(unchanged.status).toBe(400);
    expect((await call(`${api}/${a.id}/correct`, { token: editor, body: { body: 'New.' }, headers: bound(a.version) })).status).toBe(400);

    const corrected = await call(`${api}/${a.id}/correct`, { token: editor, body: fix, headers: bound(a.version) });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'published', version: a.version + 1, revision: 2, body: fix.body });
    expect(corrected.body.corrections).toEqual([
      { revision: 2, kind: 'correction', note: fix.note, at: expect.any(String), by: { id: 'eddie', name: 'Eddie Editor' } },
    ]);
    const update = await call(`${api}/${a.id}/correct`, {
      token: chief,
      body: { standfirst: 'Talks resume on Friday.', note: 'Updated with the new date.', kind: 'update' },
      headers: bound(corrected.body.version),
    });
    expect(update.body.corrections.map((c: { kind: string; revision: number }) => [c.kind, c.revision])).toEqual([
      ['correction', 2],
      ['update', 3],
    ]);
    const history = await call(`${api}/${a.id}/history`, { token: editor });
    const entry = history.body.items.find((h: { type: string }) => h.type === 'ArticleCorrected');
    expect(entry).toMatchObject({ revision: 2, fields: ['body'], correction: { kind: 'correction', note: fix.note } });
  });

  it('of twenty racing corrections with the same If-Match one wins: one revision, one correction', async () => {
    const a = await published('Racing corrections');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(`${api}/${a.id}/correct`, {
          token: i % 2 ? editor : chief,
          body: { body: `Corrected text ${i}.`, note: `Correction ${i}.` },
          headers: bound(a.version),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    const after = await call(`${api}/${a.id}`, { token: editor });
    expect(after.body).toMatchObject({ revision: 2, version: a.version + 1 });
    expect(after.body.corrections).toHaveLength(1);
    const revisions = await call(`${api}/${a.id}/revisions`, { token: editor });
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });
});

describe('unpublish, spike and kill', () => {
  it('unpublishing hides the article from other reporters until the chief approves it again', async () => {
    const a = await published('Pulled for legal reasons');
    expect((await call(`${api}/${a.id}/unpublish`, { token: chief, body: {} })).status).toBe(400);
    const pulled = await call(`${api}/${a.id}/unpublish`, { token: chief, body: { reason: 'A court order.' } });
    expect(pulled.body).toMatchObject({ status: 'unpublished', allowedActions: ['edit', 'approve', 'kill'] });
    expect((await call(`${api}/${a.id}`, { token: rival })).status).toBe(404);
    expect((await call(`${api}/${a.id}`, { token: reporter })).status).toBe(200);
    const edited = await call(`${api}/${a.id}`, {
      method: 'PATCH',
      token: editor,
      body: { headline: 'Cleared' },
      headers: bound(pulled.body.version),
    });
    expect(edited.status).toBe(200);
    const back = await call(`${api}/${a.id}/approve`, { token: chief, body: {}, headers: bound(edited.body.version) });
    expect(back.body).toMatchObject({ status: 'published', headline: 'Cleared' });
    expect((await call(`${api}/${a.id}`, { token: rival })).status).toBe(200);
    const history = await call(`${api}/${a.id}/history`, { token: chief });
    expect(history.body.items.find((h: { type: string }) => h.type === 'ArticleUnpublished')).toMatchObject({ reason: 'A court order.' });
  });

  it('a spiked draft leaves the desk’s default list and comes back with unspike', async () => {
    const { body } = await call(api, { token: reporter, body: { headline: 'News moved on', body: 'Copy.' } });
    const spiked = await call(`${api}/${body.id}/spike`, { token: reporter, body: { reason: 'Overtaken by events.' } });
    expect(spiked.body).toMatchObject({ status: 'spiked', allowedActions: ['unspike'] });
    const desk = await call(`${api}?limit=100`, { token: editor });
    expect(desk.body.items.map((x: { id: string }) => x.id)).not.toContain(body.id);
    const listed = await call(`${api}?status=spiked&limit=100`, { token: editor });
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(body.id);
    expect((await call(`${api}/${body.id}/unspike`, { token: editor, body: {} })).body.status).toBe('draft');
  });

  it('killing a scheduled article cancels its publication; nothing moves a killed article again', async () => {
    const { body } = await call(api, { token: reporter, body: { headline: 'Never to run', body: 'Copy.' } });
    const submitted = await call(`${api}/${body.id}/submit`, { method: 'POST', token: reporter });
    const publishAt = new Date(Date.now() + 1_500).toISOString();
    const scheduled = await call(`${api}/${body.id}/approve`, {
      token: chief,
      body: { publishAt },
      headers: bound(submitted.body.version),
    });
    expect(scheduled.body.status).toBe('scheduled');
    const killed = await call(`${api}/${body.id}/kill`, { token: chief, body: { reason: 'Legal: do not run.' } });
    expect(killed.body).toMatchObject({ status: 'killed', publishAt: null, allowedActions: [] });
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await call(`${api}/${body.id}`, { token: chief })).body).toMatchObject({ status: 'killed', publishedAt: null });
    const v = killed.body.version;
    for (const [path, token, sent] of [
      ['approve', chief, {}],
      ['unpublish', chief, { reason: 'x' }],
      ['kill', chief, { reason: 'x' }],
      ['unspike', reporter, {}],
      ['submit', reporter, {}],
      ['correct', editor, { headline: 'x', note: 'x' }],
      ['revisions/1/restore', editor, {}],
    ] as const) {
      expect([path, (await call(`${api}/${body.id}/${path}`, { token, body: sent, headers: bound(v) })).status]).toEqual([path, 409]);
    }
    expect((await call(`${api}/${body.id}`, { method: 'PATCH', token: editor, body: { headline: 'x' }, headers: bound(v) })).status).toBe(
      409,
    );
  });
});

describe('revisions', () => {
  it('keeps every version of the text: list newest first, read any, compare two, restore one', async () => {
    const { body: a } = await call(api, {
      token: reporter,
      body: { headline: 'Border talks', body: 'Troops moved on Monday.', tags: ['asia'] },
    });
    let version = 1;
    for (const change of [
      { body: 'Troops moved on Tuesday, officials said.' },
      { headline: 'Border talks stall', tags: ['asia', 'security'] },
    ]) {
      const res = await call(`${api}/${a.id}`, { method: 'PATCH', token: reporter, body: change, headers: bound(version) });
      version = res.body.version;
    }
    const first = await call(`${api}/${a.id}/revisions?limit=2`, { token: editor });
    expect(first.body.items.map((r: { revision: number; kind: string; fields: string[] }) => [r.revision, r.kind, r.fields])).toEqual([
      [3, 'edited', ['headline', 'tags']],
      [2, 'edited', ['body']],
    ]);
    const second = await call(`${api}/${a.id}/revisions?limit=2&cursor=${first.body.nextCursor}`, { token: editor });
    expect(second.body).toMatchObject({ items: [{ revision: 1, kind: 'created', actor: { id: 'rita' } }], nextCursor: null });
    expect((await call(`${api}/${a.id}/revisions?cursor=Zm9yZ2Vk`, { token: editor })).status).toBe(400);

    const one = await call(`${api}/${a.id}/revisions/1`, { token: reporter });
    expect(one.body).toEqual({
      revision: 1,
      version: 1,
      kind: 'created',
      actor: { id: 'rita', name: 'Rita Reporter' },
      at: expect.any(String),
      headline: 'Border talks',
      standfirst: '',
      body: 'Troops moved on Monday.',
      tags: ['asia'],
    });
    expect((await call(`${api}/${a.id}/revisions/4`, { token: reporter })).status).toBe(404);
    expect((await call(`${api}/${a.id}/revisions/1`, { token: rival })).status).toBe(404);

    const diff = await call(`${api}/${a.id}/revisions/3/diff?against=1`, { token: editor });
    expect(diff.body.revision).toBe(3);
    expect(diff.body.against).toBe(1);
    expect(Object.keys(diff.body.fields).sort()).toEqual(['body', 'headline', 'tags']);
    expect(diff.body.fields.tags).toEqual([
      { op: 'equal', text: 'asia' },
      { op: 'insert', text: 'security' },
    ]);
    const words = diff.body.fields.body as { op: string; text: string }[];
    expect(words.filter((w) => w.op === 'delete').map((w) => w.text.trim())).toContain('Monday');
    expect(
      words
        .filter((w) => w.op !== 'insert')
        .map((w) => w.text)
        .join(''),
    ).toBe('Troops moved on Monday.');
    expect(
      words
        .filter((w) => w.op !== 'delete')
        .map((w) => w.text)
        .join(''),
    ).toBe('Troops moved on Tuesday, officials said.');

    expect((await call(`${api}/${a.id}/revisions/1/restore`, { method: 'POST', token: reporter })).status).toBe(428);
    const restored = await call(`${api}/${a.id}/revisions/1/restore`, { method: 'POST', token: reporter, headers: bound(version) });
    expect(restored.body).toMatchObject({ revision: 4, headline: 'Border talks', body: 'Troops moved on Monday.', tags: ['asia'] });
    const latest = await call(`${api}/${a.id}/revisions?limit=1`, { token: reporter });
    expect(latest.body.items[0]).toMatchObject({ revision: 4, kind: 'restored', fields: ['headline', 'body', 'tags'] });
    // Revision 2 reads back as it was written, whatever happened since.
    expect((await call(`${api}/${a.id}/revisions/2`, { token: reporter })).body.body).toBe('Troops moved on Tuesday, officials said.');
    await eventually(async () => {
      const history = await call(`${api}/${a.id}/history`, { token: reporter });
      const types = history.body.items.map((h: { type: string }) => h.type);
      return types.join() === 'ArticleCreated,ArticleEdited,ArticleEdited,ArticleEdited' ? types : undefined;
    });
  });

  it('a published article is not restored (409: use correct); other reporters see no revisions of it', async () => {
    const a = await published('Restore refused');
    expect((await call(`${api}/${a.id}/revisions`, { token: rival })).status).toBe(404);
    expect((await call(`${api}/${a.id}/revisions/1/restore`, { method: 'POST', token: editor, headers: bound(a.version) })).status).toBe(
      409,
    );
  });
});
