import { call } from './local-newsroom.js';

/**
 * The ETag of a fresh GET, as a client reads it before approving or publishing: those
 * actions require If-Match, so the chief editor acts on exactly the version they saw.
 */
export async function freshEtag(articleUrl: string, token: string): Promise<Record<string, string>> {
  const res = await call(articleUrl, { token });
  const etag = res.headers.get('etag');
  if (!etag) throw new Error(`no ETag for ${articleUrl}: ${res.status}`);
  return { 'if-match': etag };
}
