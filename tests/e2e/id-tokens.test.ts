import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importJWK, SignJWT, type JWK } from 'jose';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
});
afterAll(() => newsroom.stop());

/** A token signed with the local newsroom's own key, so it passes the gateway's JWT check, as a Cognito access token passes API Gateway's. */
async function signedLocally(claims: Record<string, unknown>) {
  const key = await importJWK(JSON.parse(readFileSync(join(newsroom.dataDir, 'signing-key.json'), 'utf8')) as JWK, 'ES256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject('carla')
    .setIssuer('newsroom-local')
    .setAudience('newsroom')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);
}

describe('bearer tokens', () => {
  it('are ID tokens: `npm run token` mints one, and it works', async () => {
    const token = await newsroom.token('carla', 'chief-editors', 'Carla Chief');
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'))).toMatchObject({ token_use: 'id', name: 'Carla Chief' });
    const created = await call(`${newsroom.url}/articles`, { token, body: { headline: 'By Carla', body: 'Copy.' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ authorName: 'Carla Chief' });
  });

  it('refuse an access token with 401, though its signature is good: it carries no name', async () => {
    const access = await signedLocally({
      'cognito:groups': ['chief-editors'],
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
    });
    for (const req of [{}, { body: { headline: 'Nameless', body: 'Copy.' } }]) {
      const res = await call(`${newsroom.url}/articles`, { token: access, ...req });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
