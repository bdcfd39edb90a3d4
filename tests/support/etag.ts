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

/** The same, for tests that call the use cases directly: the If-Match of the article as stored now. */
export async function storedEtag(articles: { get(id: string): Promise<{ version: number } | undefined> }, id: string): Promise<string> {
  const article = await articles.get(id);
  if (!article) throw new Error(`no article ${id}`);
  return `"${article.version}"`;
}
