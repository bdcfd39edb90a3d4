import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshEtag } from '../support/etag.js';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { png, uploadWithForm } from '../support/media-files.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let newsroom: LocalNewsroom;
let receiver: WebhookReceiver;
const t: Record<'owner' | 'rival' | 'editor' | 'chief' | 'nobody', string> = {} as never;
type Caller = keyof typeof t;

beforeAll(async () => {
  receiver = await new WebhookReceiver('media-guards').start();
  newsroom = await new LocalNewsroom(newDataDir(), {
    NEWSROOM_WEBHOOK_URLS: receiver.url,
    NEWSROOM_WEBHOOK_SECRET: 'media-guards',
  }).start();
  t.owner = await newsroom.token('rita', 'reporters');
  t.rival = await newsroom.token('omar', 'reporters');
  t.editor = await newsroom.token('eddie', 'editors');
  t.chief = await newsroom.token('carla', 'chief-editors');
  t.nobody = await newsroom.token('guest', []);
});
afterAll(async () => {
  await newsroom.stop();
  await receiver.stop();
});

const url = (path: string) => `${newsroom.url}/articles${path}`;

async function draft(): Promise<string> {
  return (await call(url(''), { token: t.owner, body: { headline: 'Pictures from the border', body: 'Copy.' } })).body.id;
}

/** Declares a PNG on Rita's article; uploads it and waits for its verdict unless `upload` is false. */
async function file(id: string, upload = true): Promise<string> {
  const bytes = png(4, 3);
  const declared = await call(url(`/${id}/media`), {
    token: t.owner,
    body: { filename: 'border.png', contentType: 'image/png', size: bytes.length },
  });
  expect(declared.status).toBe(201);
  if (upload) {
    expect(await uploadWithForm(declared.body.upload, bytes, 'image/png')).toBe(204);
    await eventually(async () => {
      const { body } = await call(url(`/${id}/media`), { token: t.owner });
      return body.items.find((m: any) => m.id === declared.body.id && m.status === 'ready');
    });
  }
  return declared.body.id;
}

async function publish(id: string) {
  expect((await call(url(`/${id}/submit`), { method: 'POST', token: t.owner })).status).toBe(200);
  expect((await call(url(`/${id}/approve`), { token: t.chief, body: {}, headers: await freshEtag(url(`/${id}`), t.chief) })).status).toBe(
    200,
  );
}

/**
 * The attack matrix's row for DELETE /articles/{id}/media/{mediaId}, written out by hand:
 * 404 where the caller may not see the article or the file is not on it, 403 where their
 * group may never edit it, 409 where it may but not in this status.
 */
const DELETE_MEDIA: { article: string; expected: Record<Caller, number> }[] = [
  { article: 'Rita’s draft, with a pending file', expected: { owner: 204, rival: 404, editor: 204, chief: 204, nobody: 404 } },
  { article: 'Rita’s published article, with a verified file', expected: { owner: 409, rival: 403, editor: 409, chief: 409, nobody: 403 } },
  { article: 'Rita’s published article, without that file', expected: { owner: 404, rival: 404, editor: 404, chief: 404, nobody: 404 } },
];

describe('the attack matrix: DELETE /articles/{id}/media/{mediaId}', () => {
  const cases = DELETE_MEDIA.flatMap(({ article, expected }, row) =>
    (Object.keys(expected) as Caller[]).map((caller) => ({ article, row, caller, status: expected[caller] })),
  );

  it.each(cases)('by $caller on $article → $status', async ({ row, caller, status }) => {
    const id = await draft();
    let mediaId = await file(id, row !== 0);
    if (row > 0) await publish(id);
    if (row === 2) mediaId = '5f0c6c1e-2b7d-4c59-9a43-7d1a3b0f9e21';

    const res = await call(url(`/${id}/media/${mediaId}`), { method: 'DELETE', token: t[caller] });
    expect(res.status).toBe(status);
    if (status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
    const left = (await call(url(`/${id}/media`), { token: t.owner })).body.items.map((m: any) => m.id);
    if (status === 204) expect(left).not.toContain(mediaId);
    else if (row < 2) expect(left).toContain(mediaId);
  });
});

describe('approval with a future publishAt waits for every file too', () => {
  it('is 409 while a file is pending, and schedules once it is verified', async () => {
    const id = await draft();
    const bytes = png(5, 5);
    const declared = await call(url(`/${id}/media`), {
      token: t.owner,
      body: { filename: 'later.png', contentType: 'image/png', size: bytes.length },
    });
    expect((await call(url(`/${id}/submit`), { method: 'POST', token: t.owner })).status).toBe(200);
    const publishAt = new Date(Date.now() + 86_400_000).toISOString();

    const refused = await call(url(`/${id}/approve`), {
      token: t.chief,
      body: { publishAt },
      headers: await freshEtag(url(`/${id}`), t.chief),
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.media).toEqual([{ id: declared.body.id, filename: 'later.png', status: 'pending', reason: null }]);
    expect((await call(url(`/${id}`), { token: t.chief })).body).toMatchObject({ status: 'in_review', publishAt: null });

    expect(await uploadWithForm(declared.body.upload, bytes, 'image/png')).toBe(204);
    await eventually(async () => {
      const { body } = await call(url(`/${id}/media`), { token: t.owner });
      return body.items[0]?.status === 'ready' || undefined;
    });
    const scheduled = await call(url(`/${id}/approve`), {
      token: t.chief,
      body: { publishAt },
      headers: await freshEtag(url(`/${id}`), t.chief),
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', publishAt });
  });
});

describe('history', () => {
  it('does not show a MediaReady, even once it was delivered', async () => {
    const id = await draft();
    await file(id);
    expect((await call(url(`/${id}/submit`), { method: 'POST', token: t.owner })).status).toBe(200);
    await eventually(() => {
      const types = receiver.of(id).map((r) => r.type);
      return types.includes('MediaReady') && types.includes('ArticleSubmitted') ? types : undefined;
    });
    // The dispatcher records delivered events right after delivering them: watch the history for a while.
    for (let i = 0; i < 15; i++) {
      const history = await call(url(`/${id}/history`), { token: t.owner });
      expect(history.status).toBe(200);
      expect(history.body.items.map((h: any) => h.type)).toEqual(['ArticleCreated', 'ArticleSubmitted']);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
