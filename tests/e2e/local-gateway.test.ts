import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { png, uploadWithForm } from '../support/media-files.js';

/**
 * The local gateway answers what API Gateway's HTTP API answers itself exactly as AWS does,
 * listens on the loopback interface only, cuts off stalled requests, and keeps its data private.
 */

let newsroom: LocalNewsroom;
let reporter: string;
let legacyDir: string;

beforeAll(async () => {
  // A data directory as an older newsroom left it: readable by everyone.
  legacyDir = newDataDir();
  mkdirSync(join(legacyDir, 's3'), { recursive: true });
  writeFileSync(join(legacyDir, 's3', 'left-behind.txt'), 'old');
  chmodSync(join(legacyDir, 's3', 'left-behind.txt'), 0o644);
  chmodSync(join(legacyDir, 's3'), 0o755);
  chmodSync(legacyDir, 0o755);
  newsroom = await new LocalNewsroom(legacyDir, { HOST: '' }).start();
  reporter = await newsroom.token('rita', 'reporters', 'Rita Reporter');
});
afterAll(() => newsroom.stop());

async function raw(res: Response) {
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    challenge: res.headers.get('www-authenticate'),
    text: await res.text(),
  };
}

describe('errors API Gateway answers itself come back exactly as AWS sends them', () => {
  const challenge = (description: string) => `Bearer scope="" error="invalid_token" error_description="${description}"`;

  it('401 {"message":"Unauthorized"} (and locally the reason) for a missing token, with a bare Bearer challenge', async () => {
    expect(await raw(await fetch(`${newsroom.url}/articles`))).toEqual({
      status: 401,
      type: 'application/json',
      challenge: 'Bearer',
      text: expect.stringMatching(/^\{"message":"Unauthorized","reason":"no token was sent: .+"\}$/),
    });
  });

  it('401 with a www-authenticate header saying why a token was refused', async () => {
    const expired = await newsroom.token('rita', 'reporters', undefined, 1);
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    expect((await exportJWK(publicKey)).kty).toBe('EC');
    const otherKey = await new SignJWT({ 'cognito:groups': ['chief-editors'], token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('mallory')
      .setIssuer('newsroom-local')
      .setAudience('newsroom')
      .setExpirationTime('1h')
      .sign(privateKey);
    const symmetric = await new SignJWT({ token_use: 'id' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('newsroom-local')
      .setAudience('newsroom')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-newsroom-key-not-the-newsroom-key'));
    const newsroomKey = await importJWK(JSON.parse(readFileSync(join(newsroom.dataDir, 'signing-key.json'), 'utf8')), 'ES256');
    const otherAudience = await new SignJWT({ token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('rita')
      .setIssuer('newsroom-local')
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(newsroomKey);
    await new Promise((r) => setTimeout(r, 1_100));
    const cases: [string, string][] = [
      [`Bearer ${expired}`, 'the token has expired'],
      [`Bearer ${otherKey}`, 'the token signature is invalid'],
      [`Bearer ${symmetric}`, 'the token signature is invalid'],
      [`Bearer ${otherAudience}`, 'the token does not have a valid audience'],
      ['Bearer not.a.jwt', 'the token is malformed'],
      ['Bearer', 'the token is malformed'],
      ['Basic cml0YTpzZWNyZXQ=', 'the token is malformed'],
    ];
    for (const [authorization, description] of cases) {
      const res = await raw(await fetch(`${newsroom.url}/articles`, { headers: { authorization } }));
      expect(res).toEqual({
        status: 401,
        type: 'application/json',
        challenge: challenge(description),
        text: expect.stringMatching(/^\{"message":"Unauthorized","reason":"the token .+"\}$/),
      });
    }
  });

  it('404 {"message":"Not Found"} for a route that does not exist, token or not', async () => {
    for (const [method, path] of [
      ['GET', '/nothing-here'],
      ['PUT', '/articles/x/y/z'],
      ['GET', '/articles/x/y/z'],
    ] as const) {
      for (const headers of [{}, { authorization: `Bearer ${reporter}` }] as Record<string, string>[]) {
        const res = await raw(await fetch(`${newsroom.url}${path}`, { method, headers }));
        expect(res).toEqual({ status: 404, type: 'application/json', challenge: null, text: '{"message":"Not Found"}' });
      }
    }
  });

  it('413 {"message":"Request Entity Too Large"} past Lambda’s 6 MB; smaller bodies reach the handler’s own limit', async () => {
    const over = JSON.stringify({ headline: 'Huge', body: 'x'.repeat(6 * 1024 * 1024) });
    const res = await raw(
      await fetch(`${newsroom.url}/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reporter}`, 'content-type': 'application/json' },
        body: over,
      }),
    );
    expect(res).toEqual({ status: 413, type: 'application/json', challenge: null, text: '{"message":"Request Entity Too Large"}' });

    const under = await call(`${newsroom.url}/articles`, { token: reporter, body: { headline: 'Big', body: 'x'.repeat(5 * 1024 * 1024) } });
    expect(under.status).toBe(413);
    expect(under.headers.get('content-type')).toBe('application/problem+json');

    // The connection and the newsroom carry on.
    expect((await call(`${newsroom.url}/health`)).status).toBe(200);
  });

  it('everything the handlers answer stays problem+json', async () => {
    const res = await call(`${newsroom.url}/articles/does-not-exist`, { token: reporter });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('the gateway listens on the loopback interface unless HOST says otherwise', () => {
  it('prints a 127.0.0.1 URL and refuses connections on every other address', async () => {
    expect(newsroom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(newsroom.output).toContain(`Newsroom is running at ${newsroom.url}`);
    const port = Number(new URL(newsroom.url).port);
    const others = [
      '127.0.0.2',
      ...Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && !i.internal && i.family === 'IPv4')
        .map((i) => i!.address),
    ];
    for (const address of others) {
      await expect(connectTo(address, port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
    const ok = await connectTo('127.0.0.1', port);
    ok.destroy();
  });

  it('listens where HOST says', async () => {
    const open = await new LocalNewsroom(newDataDir(), { HOST: '127.0.0.2' }).start();
    try {
      expect(open.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect((await call(`${open.url}/health`)).status).toBe(200);
      await expect(connectTo('127.0.0.1', Number(new URL(open.url).port))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await open.stop();
    }
  });
});

function connectTo(host: string, port: number): Promise<Socket> {
  return new Promise((ok, fail) => {
    const socket = connect({ host, port });
    socket.once('connect', () => ok(socket));
    socket.once('error', fail);
  });
}

/** Opens a raw connection, writes `text`, and reports what came back and when the server closed it. */
function stall(port: number, text: string): Promise<{ reply: string; afterMs: number }> {
  return new Promise((ok, fail) => {
    const started = Date.now();
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : fail(err)));
    socket.once('close', () => ok({ reply, afterMs: Date.now() - started }));
    socket.once('connect', () => socket.write(text));
  });
}

describe('stalled requests and connection floods', () => {
  let guarded: LocalNewsroom;
  let port: number;
  beforeAll(async () => {
    guarded = await new LocalNewsroom(join(newDataDir(), 'nested', 'data'), {
      NEWSROOM_REQUEST_TIMEOUT_MS: '1500',
      NEWSROOM_MAX_CONNECTIONS: '4',
    }).start();
    port = Number(new URL(guarded.url).port);
  });
  afterAll(() => guarded.stop());

  it('cuts off a request whose body stalls, and one whose headers never end', async () => {
    const token = await guarded.token('rita', 'reporters');
    const body = stall(
      port,
      `POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"head`,
    );
    const headers = stall(port, 'GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    for (const cut of await Promise.all([body, headers])) {
      expect(cut.afterMs).toBeLessThan(6_000);
      expect(cut.reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    }
    expect((await call(`${guarded.url}/health`)).status).toBe(200);
  });

  it('refuses connections past the cap, and takes them again once some close', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => connectTo('127.0.0.1', port)));
    try {
      const refused = await stall(port, '');
      expect(refused.reply).toBe('');
      expect(refused.afterMs).toBeLessThan(1_000);
    } finally {
      held.forEach((s) => s.destroy());
    }
    await eventually(async () => (await call(`${guarded.url}/health`).catch(() => undefined))?.status === 200, 5_000, 50);
  });

  it('keeps the data directory private: directories 0700, files 0600', async () => {
    const token = await guarded.token('rita', 'reporters');
    const id = (await call(`${guarded.url}/articles`, { token, body: { headline: 'Private', body: 'Copy.' } })).body.id as string;
    const file = png(2, 2);
    const declared = await call(`${guarded.url}/articles/${id}/media`, {
      token,
      body: { filename: 'a.png', contentType: 'image/png', size: file.length, caption: 'c', credit: 'r' },
    });
    expect(await uploadWithForm(declared.body.upload, file, 'image/png')).toBe(204);
    await eventually(async () => {
      const { body } = await call(`${guarded.url}/articles/${id}/media`, { token });
      return body.items.every((m: any) => m.status !== 'pending') || undefined;
    });
    const found = modes(guarded.dataDir);
    expect(found.filter(([p]) => p.endsWith('signing-key.json'))).toHaveLength(1);
    expect(found.filter(([p]) => p.includes('/dynamodb/')).length).toBeGreaterThan(0);
    expect(found.filter(([p]) => p.includes('/s3/')).length).toBeGreaterThan(0);
    expect(found.filter(([, mode, dir]) => mode !== (dir ? 0o700 : 0o600))).toEqual([]);
  });

  it('tightens a data directory an older newsroom left readable by everyone', async () => {
    const found = modes(legacyDir);
    expect(found.filter(([p]) => p.endsWith('left-behind.txt'))).toHaveLength(1);
    expect(found.filter(([, mode, dir]) => mode !== (dir ? 0o700 : 0o600))).toEqual([]);
  });
});

/** Every entry under `dir` (and `dir` itself): path, permission bits, whether it is a directory. */
function modes(dir: string): [string, number, boolean][] {
  const out: [string, number, boolean][] = [[dir, statSync(dir).mode & 0o777, true]];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...modes(path));
    else out.push([path, statSync(path).mode & 0o777, false]);
  }
  return out;
}
