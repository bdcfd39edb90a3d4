import type { Article } from '../domain/article.js';
import type { Media } from '../domain/media.js';
import type { SiteArticle, SiteAuthor, SiteEntry, SiteMedia } from '../site/model.js';
import { articleFiles, articlePaths, FRONT_PAGE_SIZE, FRONT_PATHS, frontFiles, siteChromeFiles, type SiteFile } from '../site/index.js';
import type { SiteDeps, SiteMessage, SiteRecord, SiteRenderer } from './site-ports.js';

/**
 * A front-page request made at least this long before a render began is served by that render.
 * The live list is read from an index that DynamoDB updates within a second or so of the write,
 * so a request made just before a render began still gets a render of its own.
 */
export const FRONT_INDEX_LAG_MS = 2_000;

/** The images readers see: verified, of a type a browser shows. */
const SHOWN_IMAGES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/** What readers (and the CDN) know an article's page and JSON by: the page's directory form too. */
export function articleAddresses(slug: string): string[] {
  const { page, json } = articlePaths(slug);
  return [`/articles/${slug}/`, page, json];
}

/** The front page, in both forms, and the feeds. */
const FRONT_ADDRESSES = ['/', FRONT_PATHS.page, FRONT_PATHS.atom, FRONT_PATHS.jsonFeed];

/**
 * Renders on write: each change to a published article writes its own files and asks for the
 * front page and feeds; readers are served those files and nothing else. Idempotent and ordered by
 * version: every render starts from the article as it is now, and a render of a version the site
 * already holds (or is past) does nothing.
 */
export function siteRenderer(deps: SiteDeps): SiteRenderer {
  // The stylesheet and the not-found page change only with the code and the site's settings, which
  // a renderer keeps for its life: its first front-page render writes them, and the first after
  // each repair pass (should they have gone missing); the others do not.
  let chromeWritten = false;
  const renderer: SiteRenderer = {
    async article(articleId) {
      // Read together: a record written after this read is guarded by the record's own condition.
      const [article, record] = await Promise.all([deps.articles.get(articleId), deps.index.get(articleId)]);
      if (!article) return false;
      if (record && record.renderedVersion >= article.version) return false;
      if (article.status === 'published') return show(article, record);
      if (record?.state === 'live' && article.status === 'unpublished') return takeDown(article, record, 'unpublished');
      if (record && record.state !== 'killed' && article.status === 'killed') return takeDown(article, record, 'killed');
      return false;
    },

    async frontPage(requestedAt) {
      const last = await deps.index.frontStartedAt();
      if (last && Date.parse(requestedAt) + FRONT_INDEX_LAG_MS <= Date.parse(last)) return;
      const startedAt = deps.now().toISOString();
      const live = await deps.index.latest(FRONT_PAGE_SIZE);
      await putAll([
        ...frontFiles(
          live.map((r) => r.entry),
          deps.site,
        ),
        ...(chromeWritten ? [] : siteChromeFiles(deps.site)),
      ]);
      chromeWritten = true;
      await deps.cdn.invalidate(FRONT_ADDRESSES, `front:${startedAt}`);
      await deps.index.markFrontStarted(startedAt);
    },

    async repair() {
      chromeWritten = false;
      let repaired = 0;
      for await (const page of deps.index.articlesIn(['published', 'unpublished', 'killed'])) {
        const records = await deps.index.many(page.map((a) => a.id));
        for (const a of page) {
          const record = records.get(a.id);
          const behind = record ? record.renderedVersion < a.version : true;
          if (!behind) continue;
          if (await renderer.article(a.id, a.version)) repaired++;
        }
      }
      return repaired;
    },

    async handle(message: SiteMessage) {
      if (message.kind === 'front') await renderer.frontPage(message.requestedAt);
      else await renderer.article(message.articleId, message.version);
    },
  };

  async function show(article: Article, record: SiteRecord | undefined) {
    // A published article always has one; an item from before slugs is given none here, and is left alone.
    const slug = article.slug;
    if (!slug) return false;
    const author = await authorOf(article);
    const images = Object.values(article.media ?? {}).filter(isShownImage);
    const media: SiteMedia[] = images.map((m) => ({
      path: `/media/${article.id}/${m.id}.${SHOWN_IMAGES[m.contentType]}`,
      contentType: m.contentType,
      width: m.width,
      height: m.height,
      caption: m.caption,
      credit: m.credit,
    }));
    // A file's site copy never changes (a new file has a new id): only new ones are copied.
    const copied = new Set(record?.state === 'live' ? record.mediaPaths : []);
    for (const [i, m] of images.entries()) {
      if (!copied.has(media[i]!.path)) await deps.files.copyMedia(m.storedKey!, media[i]!.path, m.contentType);
    }
    const page: SiteArticle = {
      slug,
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body,
      tags: article.tags,
      author,
      publishedAt: article.publishedAt!,
      updatedAt: article.corrections.at(-1)?.at ?? article.publishedAt!,
      corrections: article.corrections.map(({ kind, note, at }) => ({ kind, note, at })),
      media,
    };
    await putAll(articleFiles(page, deps.site));
    const mediaPaths = media.map((m) => m.path);
    const dropped = (record?.mediaPaths ?? []).filter((p) => !mediaPaths.includes(p));
    if (dropped.length) await deps.files.remove(dropped);
    const entry: SiteEntry = {
      slug,
      headline: page.headline,
      standfirst: page.standfirst,
      authorName: author.name,
      publishedAt: page.publishedAt,
      updatedAt: page.updatedAt,
    };
    await deps.index.put({ articleId: article.id, slug, renderedVersion: article.version, state: 'live', mediaPaths, entry });
    // The CDN may hold an earlier render, or the 404 of an earlier unpublishing.
    await deps.cdn.invalidate([...articleAddresses(slug), ...dropped], `${article.id}:${article.version}`);
    await deps.front.request(deps.now().toISOString());
    return true;
  }

  async function takeDown(article: Article, record: SiteRecord, state: 'unpublished' | 'killed') {
    const [dir, page, json] = articleAddresses(record.slug);
    if (state === 'killed') {
      // Gone, with nothing of it left: the page and JSON answer 410, the images are deleted.
      await deps.files.gone(page!);
      await deps.files.gone(json!);
    } else {
      await deps.files.remove([page!, json!]);
    }
    if (record.mediaPaths.length) await deps.files.remove(record.mediaPaths);
    await deps.index.put({ ...record, renderedVersion: article.version, state, mediaPaths: [] });
    await deps.cdn.invalidate([dir!, page!, json!, ...record.mediaPaths], `${article.id}:${article.version}`);
    await deps.front.request(deps.now().toISOString());
    return true;
  }

  // Renders of one author's articles at the same moment share one read of the profile: a burst of
  // publications (a desk's scheduled morning) is mostly a few authors.
  const reading = new Map<string, ReturnType<SiteDeps['profiles']['get']>>();
  async function authorOf(article: Article): Promise<SiteAuthor> {
    let read = reading.get(article.authorId);
    if (!read) {
      read = deps.profiles.get(article.authorId).finally(() => reading.delete(article.authorId));
      reading.set(article.authorId, read);
    }
    return (await read) ?? { name: article.authorName, bio: '', function: '' };
  }

  async function putAll(files: SiteFile[]) {
    await Promise.all(files.map((f) => deps.files.put(f)));
  }

  return renderer;
}

const isShownImage = (m: Media) => m.status === 'ready' && m.storedKey !== undefined && m.contentType in SHOWN_IMAGES;
