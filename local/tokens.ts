import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Group } from '../lambdas/domain/article.js';

/**
 * Dev tokens for the local newsroom: ES256 JWTs shaped like Cognito ID tokens, signed by a
 * key kept in the data directory so `npm run token` and `npm start` agree on it.
 */
export const ISSUER = 'newsroom-local';
export const AUDIENCE = 'newsroom';
const ALG = 'ES256';

async function loadOrCreateKey(dataDir: string): Promise<JWK> {
  const file = join(dataDir, 'signing-key.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  try {
    writeFileSync(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
    return jwk;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8')) as JWK;
    throw err;
  }
}

export interface TokenRequest {
  user: string;
  groups: Group[];
  name?: string;
  ttlSeconds?: number;
}

export async function signToken(dataDir: string, req: TokenRequest): Promise<string> {
  const key = await importJWK(await loadOrCreateKey(dataDir), ALG);
  return new SignJWT({ 'cognito:groups': req.groups, name: req.name ?? req.user, token_use: 'id' })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(req.user)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${req.ttlSeconds ?? 12 * 3600}s`)
    .sign(key);
}

/** Verifies a token like the HTTP API's JWT authorizer: signature, issuer, audience, expiry. */
export async function tokenVerifier(dataDir: string): Promise<(token: string) => Promise<JWTPayload | undefined>> {
  const { d: _private, ...publicJwk } = await loadOrCreateKey(dataDir);
  const key = await importJWK(publicJwk, ALG);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALG] });
      return payload;
    } catch {
      return undefined;
    }
  };
}
