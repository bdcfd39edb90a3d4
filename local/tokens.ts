import { randomUUID } from 'node:crypto';
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

/** The longest a dev token may live: a week. */
export const MAX_TTL_SECONDS = 7 * 24 * 3600;
export const DEFAULT_TTL_SECONDS = 12 * 3600;

async function loadOrCreateKey(dataDir: string): Promise<JWK> {
  const file = join(dataDir, 'signing-key.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
  const ttl = req.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS)
    throw new RangeError(`a token lives 1 to ${MAX_TTL_SECONDS} seconds (7 days), not ${ttl}`);
  const key = await importJWK(await loadOrCreateKey(dataDir), ALG);
  const now = Math.floor(Date.now() / 1000);
  // The claims of a Cognito ID token that the newsroom and API Gateway read.
  return new SignJWT({
    'cognito:groups': req.groups,
    'cognito:username': req.user,
    name: req.name ?? req.user,
    token_use: 'id',
    auth_time: now,
    jti: randomUUID(),
  })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(req.user)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(key);
}

/** A verified token's claims, or why it was refused in the words API Gateway's JWT authorizer uses. */
export type TokenCheck = { payload: JWTPayload } | { refusal: string };

/** Verifies a token like the HTTP API's JWT authorizer: signature, issuer, audience, expiry. */
export async function tokenVerifier(dataDir: string): Promise<(token: string) => Promise<TokenCheck>> {
  const { d: _private, ...publicJwk } = await loadOrCreateKey(dataDir);
  const key = await importJWK(publicJwk, ALG);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALG],
        requiredClaims: ['exp'],
      });
      return { payload };
    } catch (err) {
      return { refusal: refusalOf(err as { code?: string; claim?: string }) };
    }
  };
}

function refusalOf(err: { code?: string; claim?: string }): string {
  switch (err.code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'the token signature is invalid';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (err.claim === 'aud') return 'the token does not have a valid audience';
      if (err.claim === 'iss') return 'the token does not have a valid issuer';
      if (err.claim === 'nbf' || err.claim === 'iat') return 'the token is not valid yet';
      return `the token does not have a valid ${err.claim ?? 'claim'}`;
    default:
      return 'the token is malformed';
  }
}
