import type { Actor, Article } from '../domain/article.js';
import { conflict, notFound } from '../domain/errors.js';
import { checkDeclaredMedia, MEDIA_PER_ARTICLE, mediaKey, publicMedia, type Media, type MediaTypes } from '../domain/media.js';
import { readArticle, refuseIfNeverAllowed, withRetry, type Deps, type Input } from './articles.js';
import type { MediaArticleRepository, MediaStore, UploadForm } from './ports.js';
import { AttachMedia, EditMedia, parseInput } from './schemas.js';

export interface MediaDeps extends Deps {
  articles: MediaArticleRepository;
  media: MediaStore;
  mediaTypes: MediaTypes;
  /** How long a presigned upload form stays valid: at most 15 minutes. */
  uploadExpirySeconds: number;
  downloadExpirySeconds: number;
  /** Images with more pixels than this are refused. */
  maxPixels: number;
}

/**
 * Declares an upload and hands back a presigned form for it.
 * 1. The caller must be allowed to edit the article now (as for PATCH).
 * 2. The declared type and size must be allowed (415, 413).
 * 3. The pending file is recorded on the article in one conditional write, then the form is signed.
 */
export async function attachMedia(
  deps: MediaDeps,
  actor: Actor,
  articleId: string,
  input: Input,
): Promise<{ media: Media; upload: UploadForm }> {
  const article = await readArticle(deps, actor, articleId);
  refuseIfNeverAllowed(actor, article, 'edit', 'attach files');
  const declared = parseInput(AttachMedia, input());
  const contentType = checkDeclaredMedia(deps.mediaTypes, declared.contentType, declared.size);
  const media: Media = {
    id: deps.newId(),
    filename: declared.filename,
    contentType,
    size: declared.size,
    caption: declared.caption ?? null,
    credit: declared.credit ?? null,
    status: 'pending',
    reason: null,
    width: null,
    height: null,
    createdAt: deps.now().toISOString(),
    verifiedAt: null,
  };
  const roomForMore = (seen: Article) => {
    if (Object.keys(seen.media ?? {}).length >= MEDIA_PER_ARTICLE) {
      throw conflict(`An article takes at most ${MEDIA_PER_ARTICLE} files: remove one first.`, { currentStatus: seen.status });
    }
  };
  await withRetry(deps, actor, article, 'edit', { check: roomForMore }, (seen) =>
    deps.articles.attachMedia(seen, media, MEDIA_PER_ARTICLE),
  );
  const upload = await deps.media.presignUpload(mediaKey(articleId, media.id), contentType, media.size, deps.uploadExpirySeconds);
  return { media, upload };
}

export interface MediaView extends Omit<Media, 'storedKey'> {
  downloadUrl: string | null;
}

/**
 * The article's files, newest first. A verified file has a short-lived link to its verified copy,
 * served as an attachment of its verified type; nothing else is ever linked.
 */
export async function listMedia(deps: MediaDeps, actor: Actor, articleId: string): Promise<MediaView[]> {
  const article = await readArticle(deps, actor, articleId);
  const files = Object.values(article.media ?? {}).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return Promise.all(files.map((m) => mediaView(deps, m)));
}

async function mediaView(deps: MediaDeps, m: Media): Promise<MediaView> {
  return {
    ...publicMedia(m),
    downloadUrl:
      m.status === 'ready' && m.storedKey
        ? await deps.media.presignDownload(m.storedKey, deps.downloadExpirySeconds, { filename: m.filename, contentType: m.contentType })
        : null,
  };
}

/** Changes a file's caption or credit: the same rights as attaching one (as for PATCH of the article). */
export async function describeMedia(deps: MediaDeps, actor: Actor, articleId: string, mediaId: string, input: Input): Promise<MediaView> {
  const article = await readArticle(deps, actor, articleId);
  if (!article.media?.[mediaId]) throw notFound('No such media on this article.');
  refuseIfNeverAllowed(actor, article, 'edit', 'describe files');
  const changes = parseInput(EditMedia, input());
  const media = await withRetry(deps, actor, article, 'edit', {}, async (seen) => {
    const found = seen.media?.[mediaId];
    if (!found) throw notFound('No such media on this article.');
    await deps.articles.describeMedia(seen, mediaId, changes);
    return { ...found, ...changes };
  });
  return mediaView(deps, media);
}

export async function deleteMedia(deps: MediaDeps, actor: Actor, articleId: string, mediaId: string): Promise<void> {
  const article = await readArticle(deps, actor, articleId);
  if (!article.media?.[mediaId]) throw notFound('No such media on this article.');
  refuseIfNeverAllowed(actor, article, 'edit', 'remove files');
  const removed = await withRetry(deps, actor, article, 'edit', {}, async (seen) => {
    const media = seen.media?.[mediaId];
    if (!media) throw notFound('No such media on this article.');
    await deps.articles.removeMedia(seen, media);
    return media;
  });
  await deps.media.delete(mediaKey(articleId, mediaId));
  if (removed.storedKey) await deps.media.delete(removed.storedKey);
}
