import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir, type ApiResponse } from '../support/local-newsroom.js';

const DESK = 'http://desk.localhost:5173';
let newsroom: LocalNewsroom;
let api: string;
const t: Record<'rita' | 'omar' | 'eddie' | 'carla' | 'guest', string> = {} as never;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir(), { NEWSROOM_CORS_ORIGINS: DESK }).start();
  api = newsroom.url;
  [t.rita, t.omar, t.eddie, t.carla, t.guest] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('omar', 'reporters', 'Omar Reporter'),
    newsroom.token('eddie', 'editors', 'Eddie Editor'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
    newsroom.token('guest', [], 'Guest'),
  ]);
});
afterAll(() => newsroom.stop());

const KILLIAN = {
  name: 'Killian Jones',
  bio: 'Graduated from Princeton University. He has been at the USTV since 2017.',
  function: 'Chief-Editor',
};

const put = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`${api}${path}`, { method: 'PUT', token, body, headers });
const get = (path: string, token: string) => call(`${api}${path}`, { token });

function expectProblem(res: ApiResponse, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
}

/** A user of their own, so no test depends on another's writes. */
async function newcomer(user: string, name = `${user} Reporter`) {
  return newsroom.token(user, 'reporters', name);
}

describe('your own profile', () => {
  it('starts from the name in your token, with no bio or function, and is not stored until you save it', async () => {
    const mine = await get('/profiles/me', t.rita);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ userId: 'rita', name: 'Rita Reporter', bio: '', function: '', updatedAt: null, version: 0 });
    expect(mine.headers.get('etag')).toBe('"0"');
    expect(mine.headers.get('cache-control')).toBe('no-store');
    // Nobody else sees a profile that was never saved.
    expectProblem(await get('/profiles/rita', t.omar), 404);
  });

  it('is saved whole with PUT, then read back by you and by anyone on the staff', async () => {
    const token = await newcomer('killian', 'K. Jones');
    const saved = await put('/profiles/me', token, KILLIAN);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ userId: 'killian', ...KILLIAN, updatedAt: expect.any(String), version: 1 });
    expect(Date.now() - Date.parse(saved.body.updatedAt)).toBeLessThan(60_000);
    expect(saved.headers.get('etag')).toBe('"1"');

    const mine = await get('/profiles/me', token);
    expect(mine.body).toEqual(saved.body);
    expect(mine.headers.get('etag')).toBe('"1"');
    for (const reader of [t.rita, t.eddie, t.carla]) {
      const theirs = await get('/profiles/killian', reader);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toEqual(saved.body);
      expect(theirs.headers.get('etag')).toBe('"1"');
    }

    const again = await put('/profiles/me', token, { ...KILLIAN, function: '' });
    expect(again.body).toMatchObject({ function: '', version: 2 });
    expect((await get('/profiles/killian', t.rita)).body).toMatchObject({ bio: KILLIAN.bio, function: '', version: 2 });
  });

  it('can be saved at /profiles/{your id} too, created on the first save', async () => {
    const token = await newcomer('nadia');
    const saved = await put('/profiles/nadia', token, { name: 'Nadia', bio: '', function: 'Reporter' });
    expect(saved.status).toBe(200);
    expect((await get('/profiles/me', token)).body).toMatchObject({ userId: 'nadia', name: 'Nadia', function: 'Reporter', version: 1 });
  });

  it('can be saved from a browser on the desk: PUT is allowed across origins', async () => {
    const preflight = await fetch(`${api}/profiles/me`, {
      method: 'OPTIONS',
      headers: {
        origin: DESK,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,content-type,if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DESK);
    expect(preflight.headers.get('access-control-allow-methods')!.split(',')).toContain('PUT');
    const saved = await fetch(`${api}/profiles/me`, {
      method: 'PUT',
      headers: { origin: DESK, authorization: `Bearer ${t.eddie}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Eddie Editor', bio: '', function: 'Editor' }),
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('access-control-allow-origin')).toBe(DESK);
    expect(saved.headers.get('access-control-expose-headers')).toContain('etag');
  });

  it('answers HEAD like GET, without a body, and 405 with Allow for a method it does not take', async () => {
    const head = await fetch(`${api}/profiles/me`, { method: 'HEAD', headers: { authorization: `Bearer ${t.rita}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe('"0"');
    expect(await head.text()).toBe('');
    for (const path of ['/profiles/me', '/profiles/rita']) {
      const res = await call(`${api}${path}`, { method: 'DELETE', token: t.carla });
      expectProblem(res, 405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, PUT');
    }
  });
});

describe('what a profile may hold', () => {
  it('takes a name of 1–100 characters, a bio of up to 500 and a function of up to 100, counted in code points', async () => {
    const token = await newcomer('lena');
    const longest = { name: 'n'.repeat(100), bio: '📰'.repeat(500), function: 'f'.repeat(100) };
    const saved = await put('/profiles/me', token, longest);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(longest);
    expect((await get('/profiles/lena', t.carla)).body.bio).toBe('📰'.repeat(500));

    const cases: [unknown, string, RegExp][] = [
      [{ ...longest, name: 'n'.repeat(101) }, '/name', /`name` is at most 100 characters \(got 101\)/],
      [{ ...longest, bio: '📰'.repeat(501) }, '/bio', /`bio` is at most 500 characters \(got 501\)/],
      [{ ...longest, function: 'f'.repeat(101) }, '/function', /`function` is at most 100 characters \(got 101\)/],
      [{ ...longest, name: '' }, '/name', /`name` must not be blank/],
      [{ ...longest, name: ' \u200b ' }, '/name', /`name` must not be blank/],
      [{ ...longest, bio: 'Line\u0007bell' }, '/bio', /control characters/],
      [{ name: 'Lena', bio: '' }, '/function', /`function` is required/],
      [{ ...longest, photo: 'me.jpg' }, '/photo', /Unknown field `photo`/],
      [{ ...longest, userId: 'carla' }, '/userId', /Unknown field `userId`/],
      [{ ...longest, version: 9 }, '/version', /Unknown field `version`/],
      ['Lena', '', /must be a JSON object/],
    ];
    for (const [body, pointer, message] of cases) {
      const res = await put('/profiles/me', token, body);
      expectProblem(res, 400);
      expect(res.body.errors).toContainEqual({ pointer, message: expect.stringMatching(message) });
    }
    // Nothing half-written: the profile is as it was.
    expect((await get('/profiles/me', token)).body).toEqual(saved.body);
  });

  it('is stored as NFC with LF line ends, as every text of the newsroom', async () => {
    const token = await newcomer('jose');
    const saved = await put('/profiles/me', token, { name: 'Jose\u0301', bio: 'One.\r\nTwo.', function: '' });
    expect(saved.body).toMatchObject({ name: 'José', bio: 'One.\nTwo.' });
  });

  it('refuses a body that is not JSON (415) and one over the request limit (413)', async () => {
    expectProblem(
      await call(`${api}/profiles/me`, { method: 'PUT', token: t.rita, raw: 'name=Rita', headers: { 'content-type': 'text/plain' } }),
      415,
    );
    expectProblem(await put('/profiles/me', t.rita, { ...KILLIAN, bio: 'x'.repeat(3 * 1024 * 1024) }), 413);
  });
});

describe('whose profile', () => {
  it('lets chief editors edit anyone’s, and the owner sees it', async () => {
    const omar = await newcomer('omar-k', 'Omar K');
    await put('/profiles/me', omar, { name: 'Omar K', bio: 'Covers Central Asia.', function: 'Reporter' });
    const edited = await put('/profiles/omar-k', t.carla, {
      name: 'Omar Karimov',
      bio: 'Covers Central Asia from Dushanbe.',
      function: 'Correspondent',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ userId: 'omar-k', name: 'Omar Karimov', function: 'Correspondent', version: 2 });
    expect((await get('/profiles/me', omar)).body).toEqual(edited.body);
  });

  it('refuses reporters and editors someone else’s (403, saying who may), and leaves it as it was', async () => {
    const owner = await newcomer('priya');
    const saved = await put('/profiles/me', owner, { name: 'Priya', bio: 'Data desk.', function: 'Reporter' });
    for (const token of [t.rita, t.eddie]) {
      const res = await put('/profiles/priya', token, { name: 'Someone else', bio: '', function: '' });
      expectProblem(res, 403);
      expect(res.body.detail).toBe('Only chief editors may edit someone else’s profile.');
    }
    expect((await get('/profiles/priya', t.carla)).body).toEqual(saved.body);
  });

  it('answers 404 for a profile never saved, to readers and to chief editors who would edit it', async () => {
    for (const token of [t.rita, t.eddie, t.carla]) expectProblem(await get('/profiles/no-such-user', token), 404);
    expectProblem(await put('/profiles/no-such-user', t.carla, KILLIAN), 404);
    // A reporter is told it does not exist before being told it is not theirs.
    expectProblem(await put('/profiles/no-such-user', t.rita, KILLIAN), 404);
    expectProblem(await get('/profiles/no-such-user', t.carla), 404);
    // Something that cannot be a user id names nobody.
    expectProblem(await get(`/profiles/${encodeURIComponent('a b')}`, t.carla), 404);
    expectProblem(await get(`/profiles/${'x'.repeat(129)}`, t.carla), 404);
  });

  it('is for staff: a user in no group has no profile and reads none (403)', async () => {
    const res = await get('/profiles/me', t.guest);
    expectProblem(res, 403);
    expect(res.body.detail).toBe('Only reporters, editors and chief editors may read their own profile.');
    expectProblem(await put('/profiles/me', t.guest, KILLIAN), 403);
    expectProblem(await get('/profiles/rita', t.guest), 403);
  });

  it('needs a token (the gateway’s 401)', async () => {
    expect((await call(`${api}/profiles/me`)).status).toBe(401);
    expect((await call(`${api}/profiles/rita`, { method: 'PUT', body: KILLIAN })).status).toBe(401);
  });
});

describe('saving over someone else’s change', () => {
  it('honours If-Match: the version read saves, a stale one is a 412 with the current version', async () => {
    const token = await newcomer('sam');
    const fresh = await get('/profiles/me', token);
    // "0" is the profile never saved.
    const first = await put('/profiles/me', token, { name: 'Sam', bio: '', function: '' }, { 'if-match': fresh.headers.get('etag')! });
    expect(first.status).toBe(200);
    const chief = await put('/profiles/sam', t.carla, { name: 'Sam Smith', bio: '', function: 'Sub-editor' }, { 'if-match': '"1"' });
    expect(chief.status).toBe(200);

    const stale = await put('/profiles/me', token, { name: 'Sam S.', bio: '', function: '' }, { 'if-match': fresh.headers.get('etag')! });
    expectProblem(stale, 412);
    expect(stale.body.currentVersion).toBe(2);
    expectProblem(await put('/profiles/me', token, { name: 'Sam S.', bio: '', function: '' }, { 'if-match': '"1"' }), 412);
    expect((await get('/profiles/me', token)).body).toMatchObject({ name: 'Sam Smith', version: 2 });

    expect((await put('/profiles/me', token, { name: 'Sam S.', bio: '', function: '' }, { 'if-match': '"2"' })).status).toBe(200);
    expect((await put('/profiles/me', token, { name: 'Sam', bio: '', function: '' }, { 'if-match': '*' })).body.version).toBe(4);
  });

  it('refuses If-Match * for a profile never saved, and an unquoted ETag with the quoted form', async () => {
    const token = await newcomer('ada');
    expectProblem(await put('/profiles/me', token, { name: 'Ada', bio: '', function: '' }, { 'if-match': '*' }), 412);
    const unquoted = await put('/profiles/me', token, { name: 'Ada', bio: '', function: '' }, { 'if-match': '0' });
    expectProblem(unquoted, 400);
    expect(unquoted.body.errors).toEqual([{ pointer: '/headers/If-Match', message: 'ETags are quoted: If-Match: "0"' }]);
    expect((await get('/profiles/me', token)).body.version).toBe(0);
  });

  it('lets exactly one of many saves bound to the same version win', async () => {
    const token = await newcomer('race');
    await put('/profiles/me', token, { name: 'Race', bio: '', function: '' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put('/profiles/race', i % 2 ? token : t.carla, { name: `Racer ${i}`, bio: '', function: '' }, { 'if-match': '"1"' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const winner = results.find((r) => r.status === 200)!;
    expect((await get('/profiles/race', t.rita)).body).toEqual(winner.body);
  });

  it('without If-Match, saves in a row each build on the last', async () => {
    const token = await newcomer('row');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => put('/profiles/me', token, { name: `Row ${i}`, bio: '', function: '' })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body.version).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await get('/profiles/me', token)).body.version).toBe(5);
  });
});
