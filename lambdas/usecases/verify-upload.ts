import { MEDIA_VERIFIER, type Article } from '../domain/article.js';
import { mediaEvent } from '../domain/events.js';
import { parseMediaKey, verdict, verifiedMediaKey, type Media } from '../domain/media.js';
import type { MediaDeps } from './media.js';
import { examineMedia } from './sniff-media.js';

/**
 * - ready / rejected: the upload was judged and the verdict recorded;
 * - discarded: an object at an upload key whose file was already judged (the form posted
 *   again): deleted unread, never served; worth a warning;
 * - ignored: nothing to do (not an upload key, a duplicate event, a file removed meanwhile).
 */
export type VerifyOutcome = 'ready' | 'rejected' | 'discarded' | 'ignored';

/** How often a verdict is recorded again when the article changed meanwhile. */
const SETTLE_ATTEMPTS = 5;

/**
 * Checks an uploaded object against what was declared for it.
 * 1. Only an upload for a pending file is read; anything else at an upload key is deleted.
 * 2. The upload is first copied to a key of its own that no upload form can address, and only
 *    that copy is read and judged: its real size, and its whole structure as the declared type.
 *    The upload itself is deleted once copied, so the form, still valid for a while, can only
 *    leave bytes that step 1 discards (or, while the file is pending, that are judged in turn).
 * 3. The verdict is recorded with its event and a new article version; a ready file keeps its
 *    copy, which is all that is ever served.
 * A second event for the same object changes nothing.
 */
export async function verifyUpload(deps: MediaDeps, key: string): Promise<VerifyOutcome> {
  const ids = parseMediaKey(key);
  if (!ids) return 'ignored';
  const article = await deps.articles.get(ids.articleId);
  const declared = article?.media?.[ids.mediaId];
  if (!article || !declared || declared.status !== 'pending') {
    // Uploaded for a file nobody declared, that was removed, or that was already judged: it must not stay.
    if (!(await deps.media.exists(key))) return 'ignored';
    await deps.media.delete(key);
    return declared ? 'discarded' : 'ignored';
  }

  const copyKey = verifiedMediaKey(ids.articleId, ids.mediaId, deps.newId());
  if (!(await deps.media.copy(key, copyKey))) return 'ignored';
  // From here on only the copy counts; bytes posted to the upload key meanwhile get an event of their own.
  await deps.media.delete(key);
  const copy = await deps.media.open(copyKey);
  if (!copy) return 'ignored';
  const found = copy.size === declared.size ? await examineMedia(copy) : undefined;
  const reason = verdict(
    deps.mediaTypes,
    declared,
    { size: copy.size, detectedType: found?.mime, problem: found?.problem, pixels: found?.pixels },
    deps.maxPixels,
  );
  const now = deps.now().toISOString();
  const settled: Media = reason
    ? { ...declared, status: 'rejected', reason, verifiedAt: now }
    : { ...declared, status: 'ready', width: found?.width ?? null, height: found?.height ?? null, verifiedAt: now, storedKey: copyKey };

  const recorded = await settle(deps, article, settled);
  if (!recorded || reason) await deps.media.delete(copyKey);
  return recorded ? (reason ? 'rejected' : 'ready') : 'ignored';
}

/** Records the verdict on the version of the article last read; false once the file is no longer pending. */
async function settle(deps: MediaDeps, first: Article, media: Media): Promise<boolean> {
  let seen: Article | undefined = first;
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    if (seen?.media?.[media.id]?.status !== 'pending') return false;
    const after = { ...seen, version: seen.version + 1 };
    const event = mediaEvent(after, media, { actor: MEDIA_VERIFIER, now: media.verifiedAt! });
    if (await deps.articles.settleMedia(seen.id, media, event)) return true;
    seen = await deps.articles.get(seen.id);
  }
  if (seen?.media?.[media.id]?.status !== 'pending') return false;
  throw new Error(`The article changed on every one of ${SETTLE_ATTEMPTS} attempts to record a verdict.`);
}

/**
 * Verifies every upload still pending, for when object-created events were lost (the local
 * newsroom stopped between an upload landing and its check), and discards uploads to files
 * already judged. Returns how many it settled.
 */
export async function verifyUploadsLeftPending(deps: MediaDeps): Promise<number> {
  let settled = 0;
  for await (const key of deps.media.keys('media/')) {
    const outcome = await verifyUpload(deps, key);
    if (outcome === 'ready' || outcome === 'rejected') settled++;
  }
  return settled;
}
