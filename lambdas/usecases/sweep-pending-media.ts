import { mediaKey } from '../domain/media.js';
import type { MediaDeps } from './media.js';
import type { ArticleLists } from './ports.js';
import { verifyUpload } from './verify-upload.js';

/** Only drafts and articles in review can carry a pending file: attaching needs one, approving none. */
const STATUSES_WITH_UPLOADS = ['draft', 'in_review'] as const;
const PAGE = 100;
/** Past its form's expiry, an upload posted at the last moment has landed by this margin. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Re-verifies files still pending `olderThanMs` after they were declared: their object-created
 * event was lost, or came before the object could be read. Returns how many it settled.
 * 1. Page through the articles that may have uploads (drafts and articles in review).
 * 2. Read each one; for every file pending long enough, run the same verification an upload
 *    event runs. A file whose object never arrived stays pending until its upload form has
 *    expired, then becomes `expired`: it no longer holds approval back. Settled files are left alone.
 */
export async function verifyStalePendingUploads(deps: MediaDeps, lists: ArticleLists, olderThanMs: number): Promise<number> {
  const cutoff = deps.now().getTime() - olderThanMs;
  let settled = 0;
  for (const status of STATUSES_WITH_UPLOADS) {
    let cursor: string | undefined;
    do {
      const page = await lists.list({ sources: [{ by: 'status', status }], limit: PAGE, cursor });
      for (const summary of page.items) {
        const article = await deps.articles.get(summary.id);
        for (const media of Object.values(article?.media ?? {})) {
          if (media.status !== 'pending' || Date.parse(media.createdAt) > cutoff) continue;
          if ((await verifyUpload(deps, mediaKey(summary.id, media.id))) !== 'ignored') settled++;
          else if (Date.parse(media.createdAt) + deps.uploadExpirySeconds * 1000 + EXPIRY_MARGIN_MS < deps.now().getTime()) {
            // Nothing arrived and the form can no longer be posted: it never will.
            const reason = 'the upload form expired before the file arrived';
            if (
              await deps.articles.expireMedia(summary.id, { ...media, status: 'expired', reason, verifiedAt: deps.now().toISOString() })
            ) {
              settled++;
            }
          }
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return settled;
}
