import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { jpeg, png, uploadWithForm } from '../support/media-files.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let newsroom: LocalNewsroom;
let receiver: WebhookReceiver;
let reporter: string;
let rival: string;
let editor: string;
let chief: string;

beforeAll(async () => {
  receiver = await new WebhookReceiver('media').start();
  newsroom = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: 'media' }).start();
  [reporter, rival, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters'),
    newsroom.token('omar', 'reporters'),
    newsroom.token('eddie', 'editors'),
    newsroom.token('carla', 'chief-editors'),
  ]);
});
afterAll(async () => {
  await newsroom.stop();
  await receiver.stop();
});

const draft = async () =>
  (await call(`${newsroom.url}/articles`, { token: reporter, body: { headline: 'With pictures', body: 'Copy.' } })).body.id as string;

async function declare(id: string, file: { filename: string; contentType: string; size: number }, token = reporter) {
  return call(`${newsroom.url}/articles/${id}/media`, {
    token,
    body: { ...file, caption: 'The border post at dawn', credit: 'Rita Reporter' },
  });
}

/** Approves the version the chief has just read, as the chief's desk does. */
async function approve(id: string) {
  const seen = await call(`${newsroom.url}/articles/${id}`, { token: chief });
  return call(`${newsroom.url}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': seen.headers.get('etag')! } });
}

async function settled(id: string, mediaId: string) {
  return eventually(
    async () => {
      const { body } = await call(`${newsroom.url}/articles/${id}/media`, { token: reporter });
      const m = body.items.find((i: any) => i.id === mediaId);
      return m && m.status !== 'pending' ? m : undefined;
    },
    10_000,
    20,
  );
}

describe('media uploads straight to storage, verified before they reach an article', () => {
  it('verifies a real PNG and JPEG, records their dimensions and serves them back', async () => {
    const id = await draft();
    for (const [file, contentType, w, h] of [
      [png(3, 2), 'image/png', 3, 2],
      [jpeg(17, 9), 'image/jpeg', 17, 9],
    ] as const) {
      const declared = await declare(id, { filename: `border.${contentType.split('/')[1]}`, contentType, size: file.length });
      expect(declared.status).toBe(201);
      expect(declared.body).toMatchObject({
        status: 'pending',
        contentType,
        size: file.length,
        upload: { url: expect.any(String), fields: expect.any(Object) },
      });
      expect(declared.body.upload.fields.key).toBe(`media/${id}/${declared.body.id}`);
      expect(Date.parse(declared.body.upload.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);

      expect(await uploadWithForm(declared.body.upload, file, contentType)).toBe(204);
      const media = await settled(id, declared.body.id);
      expect(media).toMatchObject({ status: 'ready', width: w, height: h, caption: 'The border post at dawn', credit: 'Rita Reporter' });
      const download = await fetch(media.downloadUrl);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
    }
    const ready = await eventually(() =>
      receiver.of(id).filter((r) => r.type === 'MediaReady').length === 2
        ? receiver.of(id).filter((r) => r.type === 'MediaReady')
        : undefined,
    );
    expect(ready[0]!.event.media).toMatchObject({ status: 'ready', width: 3, height: 2 });
  });

  it('rejects and deletes a text file posing as a PNG, and a file of another size than declared', async () => {
    const id = await draft();
    const fake = Buffer.from('this is not a picture at all, just text');
    const posing = await declare(id, { filename: 'photo.png', contentType: 'image/png', size: fake.length });
    await uploadWithForm(posing.body.upload, fake, 'image/png');
    const rejected = await settled(id, posing.body.id);
    expect(rejected).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/not a recognisable image\/png/),
      downloadUrl: null,
    });
    const gone = await fetch(`${posing.body.upload.url}/${posing.body.upload.fields.key}`);
    expect(gone.status).toBe(404);

    const real = png(4, 4);
    const wrongSize = await declare(id, { filename: 'photo.png', contentType: 'image/png', size: real.length + 100 });
    await uploadWithForm(wrongSize.body.upload, real, 'image/png');
    expect(await settled(id, wrongSize.body.id)).toMatchObject({
      status: 'rejected',
      reason: `size is ${real.length} bytes, ${real.length + 100} were declared`,
    });
    const events = await eventually(() =>
      receiver.of(id).filter((r) => r.type === 'MediaRejected').length === 2
        ? receiver.of(id).filter((r) => r.type === 'MediaRejected')
        : undefined,
    );
    expect(events.every((e) => e.event.media.status === 'rejected')).toBe(true);
  });

  it('refuses types it does not take (415) and files over the limit (413), listing what it takes', async () => {
    const id = await draft();
    const pdf = await declare(id, { filename: 'notes.pdf', contentType: 'application/pdf', size: 1000 });
    expect(pdf.status).toBe(415);
    expect(pdf.body.allowed.map((a: any) => a.type)).toContain('image/jpeg');
    const huge = await declare(id, { filename: 'huge.png', contentType: 'image/png', size: 25 * 1024 * 1024 + 1 });
    expect(huge.status).toBe(413);
    expect((await declare(id, { filename: '../../etc/passwd', contentType: 'image/png', size: 10 })).status).toBe(400);
  });

  it('holds approval back while media is pending or rejected, and lets it through once removed or ready', async () => {
    const id = await draft();
    const file = png(2, 2);
    const pending = await declare(id, { filename: 'a.png', contentType: 'image/png', size: file.length });
    await call(`${newsroom.url}/articles/${id}/submit`, { method: 'POST', token: reporter });
    const refused = await approve(id);
    expect(refused.status).toBe(409);
    expect(refused.body.media).toEqual([expect.objectContaining({ id: pending.body.id, status: 'pending' })]);

    await uploadWithForm(pending.body.upload, file, 'image/png');
    await settled(id, pending.body.id);
    const bad = await declare(id, { filename: 'b.png', contentType: 'image/png', size: 5 }, editor);
    await uploadWithForm(bad.body.upload, Buffer.from('nope!'), 'image/png');
    await settled(id, bad.body.id);
    const stillRefused = await approve(id);
    expect(stillRefused.body.media).toEqual([expect.objectContaining({ id: bad.body.id, status: 'rejected' })]);

    expect((await call(`${newsroom.url}/articles/${id}/media/${bad.body.id}`, { method: 'DELETE', token: editor })).status).toBe(204);
    const approved = await approve(id);
    expect(approved.body.status).toBe('published');
  });

  it('keeps serving the verified bytes when the upload form is posted again after approval', async () => {
    const id = await draft();
    const file = png(6, 5);
    const declared = await declare(id, { filename: 'border.png', contentType: 'image/png', size: file.length });
    expect(await uploadWithForm(declared.body.upload, file, 'image/png')).toBe(204);
    expect(await settled(id, declared.body.id)).toMatchObject({ status: 'ready' });
    await call(`${newsroom.url}/articles/${id}/submit`, { method: 'POST', token: reporter });
    const approved = await approve(id);
    expect(approved.body.status).toBe('published');

    // The same form, still valid, carries other bytes of the same size and type.
    const swapped = Buffer.alloc(file.length, '<');
    await uploadWithForm(declared.body.upload, swapped, 'image/png');
    const uploadKey = `${declared.body.upload.url}/${declared.body.upload.fields.key}`;
    await eventually(async () => (await fetch(uploadKey)).status === 404);

    const { body } = await call(`${newsroom.url}/articles/${id}/media`, { token: reporter });
    const media = body.items.find((m: any) => m.id === declared.body.id);
    expect(media).toMatchObject({ status: 'ready', width: 6, height: 5 });
    const download = await fetch(media.downloadUrl);
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
  });

  it('never serves what refills the key of a rejected file', async () => {
    const id = await draft();
    const fake = Buffer.from('<html><script>alert(1)</script></html>');
    const declared = await declare(id, { filename: 'photo.png', contentType: 'image/png', size: fake.length });
    await uploadWithForm(declared.body.upload, fake, 'image/png');
    expect(await settled(id, declared.body.id)).toMatchObject({ status: 'rejected', downloadUrl: null });

    await uploadWithForm(declared.body.upload, Buffer.alloc(fake.length, 'x'), 'image/png');
    const uploadKey = `${declared.body.upload.url}/${declared.body.upload.fields.key}`;
    await eventually(async () => (await fetch(uploadKey)).status === 404);
    const { body } = await call(`${newsroom.url}/articles/${id}/media`, { token: reporter });
    expect(body.items.find((m: any) => m.id === declared.body.id)).toMatchObject({ status: 'rejected', downloadUrl: null });
  });

  it('serves downloads as attachments of the verified type', async () => {
    const id = await draft();
    const file = png(2, 3);
    const declared = await declare(id, { filename: 'Grenzposten "Süd".png', contentType: 'image/png', size: file.length });
    await uploadWithForm(declared.body.upload, file, 'image/png');
    const media = await settled(id, declared.body.id);
    const download = await fetch(media.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''Grenzposten%20%22S%C3%BCd%22.png`);
  });

  it('changes the article’s ETag when a file is attached, verified or removed', async () => {
    const id = await draft();
    const etag = async () => (await call(`${newsroom.url}/articles/${id}`, { token: reporter })).headers.get('etag')!;
    const before = await etag();
    const file = png(3, 3);
    const declared = await declare(id, { filename: 'a.png', contentType: 'image/png', size: file.length });
    const attached = await etag();
    await uploadWithForm(declared.body.upload, file, 'image/png');
    await settled(id, declared.body.id);
    const verified = await etag();
    await call(`${newsroom.url}/articles/${id}/media/${declared.body.id}`, { method: 'DELETE', token: reporter });
    const removed = await etag();
    expect(new Set([before, attached, verified, removed]).size).toBe(4);

    for (const stale of [before, attached, verified]) {
      const edit = await call(`${newsroom.url}/articles/${id}`, {
        method: 'PATCH',
        token: reporter,
        body: { headline: 'Stale' },
        headers: { 'if-match': stale },
      });
      expect(edit.status).toBe(412);
    }
    const fresh = await call(`${newsroom.url}/articles/${id}`, {
      method: 'PATCH',
      token: reporter,
      body: { headline: 'Fresh' },
      headers: { 'if-match': removed },
    });
    expect(fresh.status).toBe(200);
  });

  it('lets only those who may edit attach or remove media; others get 404 or 403', async () => {
    const id = await draft();
    expect((await declare(id, { filename: 'a.png', contentType: 'image/png', size: 10 }, rival)).status).toBe(404);
    expect((await call(`${newsroom.url}/articles/${id}/media`, { token: rival })).status).toBe(404);
    await call(`${newsroom.url}/articles/${id}/submit`, { method: 'POST', token: reporter });
    expect((await declare(id, { filename: 'a.png', contentType: 'image/png', size: 10 })).status).toBe(409);
    expect((await declare(id, { filename: 'a.png', contentType: 'image/png', size: 10 }, editor)).status).toBe(201);
    expect((await call(`${newsroom.url}/articles/${id}/media/nope`, { method: 'DELETE', token: editor })).status).toBe(404);
  });
});
