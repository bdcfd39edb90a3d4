import { GROUPS, type Actor, type Group } from '../domain/article.js';
import { unauthorized } from '../domain/errors.js';

type Claims = Record<string, string | number | boolean | string[]> | undefined;

/**
 * Reads the caller from the JWT claims the HTTP API authorizer passes on. API Gateway
 * flattens array claims to a string such as "[editors reporters]"; both shapes are read.
 * Only ID tokens are accepted: the authorizer also lets a Cognito access token through (its
 * `client_id` matches), but an access token carries no `name`, so it would sign bylines,
 * history and notifications with a bare id.
 */
export function actorFromClaims(claims: Claims): Actor {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) throw unauthorized();
  if (claims?.token_use !== 'id') throw unauthorized('An ID token is required; access tokens are not accepted.');
  const name = typeof claims?.name === 'string' && claims.name ? claims.name : sub;
  return { id: sub, name, groups: parseGroups(claims?.['cognito:groups']) };
}

export function parseGroups(raw: unknown): Group[] {
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  return GROUPS.filter((g) => list.includes(g));
}

/** The claims in the shape the HTTP API JWT authorizer delivers them: every value a string. */
export function claimsAsApiGatewayDelivers(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) {
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  }
  return out;
}
