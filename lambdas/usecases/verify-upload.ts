import { MEDIA_VERIFIER } from '../domain/article.js';
import { mediaEvent } from '../domain/events.js';
import { parseMediaKey, verdict, type Media } from '../domain/media.js';
import type { MediaDeps } from './media.js';
import { sniffMedia } from './sniff-media.js';

/** Enough of a file to recognise it and reach a JPEG frame header past the largest EXIF block. */
const HEAD_BYTES = 256 * 1024;

export type VerifyOutcome = 'ready' | 'rejected' | 'ignored';

/**
 * Checks an uploaded object against what was declared for it: its real size, and what its
 * bytes say it is. Ready files get their dimensions; rejected ones are deleted. A second
 * event for the same object changes nothing.
 */
export async function verifyUpload(deps: MediaDeps, key: string): Promise<VerifyOutcome> {
  const ids = parseMediaKey(key);
  if (!ids) return 'ignored';
  const article = await deps.articles.get(ids.articleId);
  const declared = article?.media?.[ids.mediaId];
  if (!article || !declared) {
    // Uploaded for a file nobody declared (or that was removed meanwhile): it must not stay.
    await deps.media.delete(key);
    return 'ignored';
  }
  if (declared.status !== 'pending') return 'ignored';
  const object = await deps.media.inspect(key, HEAD_BYTES);
  if (!object) return 'ignored';

  const detected = sniffMedia(object.head);
  const reason = verdict(deps.mediaTypes, declared, { size: object.size, detectedType: detected?.mime });
  const now = deps.now().toISOString();
  let settled: Media;
  if (reason) {
    await deps.media.delete(key);
    settled = { ...declared, status: 'rejected', reason, verifiedAt: now };
  } else {
    settled = { ...declared, status: 'ready', width: detected?.width ?? null, height: detected?.height ?? null, verifiedAt: now };
  }
  const recorded = await deps.articles.settleMedia(article.id, settled, mediaEvent(article, settled, { actor: MEDIA_VERIFIER, now }));
  return recorded ? (settled.status as 'ready' | 'rejected') : 'ignored';
}

/**
 * Verifies every upload still pending, for when object-created events were lost (the local
 * newsroom stopped between an upload landing and its check). Returns how many it settled.
 */
export async function verifyUploadsLeftPending(deps: MediaDeps): Promise<number> {
  let settled = 0;
  for await (const key of deps.media.keys('media/')) {
    if ((await verifyUpload(deps, key)) !== 'ignored') settled++;
  }
  return settled;
}
