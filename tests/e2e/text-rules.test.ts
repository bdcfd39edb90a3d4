import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let nr: LocalNewsroom;
let rita: string;
let eddie: string;

beforeAll(async () => {
  nr = await new LocalNewsroom(newDataDir()).start();
  rita = await nr.token('rita', 'reporters');
  eddie = await nr.token('eddie', 'editors');
}, 60_000);
afterAll(() => nr?.stop());

const create = (body: unknown) => call(`${nr.url}/articles`, { token: rita, body });

/** The field a 400 names first, from its first error's JSON Pointer (`/tags/1` → `tags.1`). */
const named = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400);
  return (res.body.errors[0].pointer as string).slice(1).replaceAll('/', '.');
};

describe('text on every route', () => {
  it('counts code points: a headline of 300 emoji is 300 long, and 301 is refused as 301', async () => {
    const res = await create({ headline: '🌍'.repeat(300), body: 'Copy.' });
    expect(res.status).toBe(201);
    expect((await call(`${nr.url}/articles/${res.body.id}`, { token: rita })).body.headline).toBe('🌍'.repeat(300));
    const long = await create({ headline: '🌍'.repeat(301), body: 'Copy.' });
    expect(long.status).toBe(400);
    expect(long.body.detail).toContain('(got 301)');
  });

  it('stores text as NFC with LF line ends', async () => {
    const res = await create({
      headline: 'Cafe\u0301 closes',
      standfirst: 'One\r\nTwo',
      body: 'Line one.\r\nLine two.',
      tags: ['cafe\u0301'],
    });
    expect(res.status).toBe(201);
    const read = (await call(`${nr.url}/articles/${res.body.id}`, { token: rita })).body;
    expect(read).toMatchObject({ headline: 'Café closes', standfirst: 'One\nTwo', body: 'Line one.\nLine two.', tags: ['café'] });
  });

  it('refuses control characters and lone surrogates with 400 naming the field, and stores nothing', async () => {
    expect(named(await create({ headline: 'Null', body: 'a\u0000b' }))).toBe('body');
    expect(named(await create({ headline: '\ud800', body: 'Copy.' }))).toBe('headline');
    expect(named(await create({ headline: 'Tags', body: 'Copy.', tags: ['ok', 'bell\u0007'] }))).toBe('tags.1');
    expect(named(await create({ headline: 'Bare CR', body: 'a\rb' }))).toBe('body');
    const list = await call(`${nr.url}/articles?author=rita&status=draft`, { token: rita });
    expect(list.body.items.map((a: { headline: string }) => a.headline)).not.toContain('Null');

    const { body: a } = await create({ headline: 'Edit me', body: 'Copy.' });
    const patch = await call(`${nr.url}/articles/${a.id}`, {
      method: 'PATCH',
      token: rita,
      body: { standfirst: 'esc\u001b' },
      headers: { 'if-match': '"1"' },
    });
    expect(named(patch)).toBe('standfirst');

    const media = await call(`${nr.url}/articles/${a.id}/media`, {
      token: rita,
      body: { filename: 'a.png', contentType: 'image/png', size: 10, caption: 'x\u0000' },
    });
    expect(named(media)).toBe('caption');

    await call(`${nr.url}/articles/${a.id}/submit`, { method: 'POST', token: rita });
    const sendBack = await call(`${nr.url}/articles/${a.id}/request-changes`, { token: eddie, body: { comment: '\udc00' } });
    expect(named(sendBack)).toBe('comment');
    const comment = await call(`${nr.url}/articles/${a.id}/comments`, { token: eddie, body: { text: 'ok', quote: 'del\u007f' } });
    expect(named(comment)).toBe('quote');
  });

  it('calls text blank when it has nothing but white space or invisible characters', async () => {
    expect(named(await create({ headline: '\u200b\u200b', body: 'Copy.' }))).toBe('headline');
    expect(named(await create({ headline: 'Blank body', body: '\ufeff \u2060\n' }))).toBe('body');
    expect(named(await create({ headline: 'Blank tag', body: 'Copy.', tags: ['\u200d'] }))).toBe('tags.0');
  });
});
