import { markdownToHtml } from './markdown.js';
import type { SiteArticle, SiteContext, SiteCorrection } from './model.js';
import { clean, instant } from './text.js';
import { articleUrl, mediaUrl } from './urls.js';

/** The article as partner sites and apps read it, at `/articles/{slug}.json`. */
export interface PublicArticle {
  slug: string;
  url: string;
  headline: string;
  standfirst: string;
  body: string;
  bodyHtml: string;
  tags: string[];
  author: { name: string; bio: string; function: string };
  publishedAt: string;
  updatedAt: string;
  corrections: { kind: SiteCorrection['kind']; note: string; at: string }[];
  media: { url: string; contentType: string; width: number | null; height: number | null; caption: string | null; credit: string | null }[];
}

const orNull = (s: string | null) => (s === null ? null : clean(s));

/**
 * The public JSON: built field by field from what readers may see, so nothing else of the article
 * (staff ids, approver, comments, history, revisions, workflow fields, other files) can leak into
 * it, even if the input carried more. Strings are cleaned of control characters.
 */
export function publicArticleJson(article: SiteArticle, site: SiteContext): PublicArticle {
  return {
    slug: article.slug,
    url: articleUrl(site, article.slug),
    headline: clean(article.headline),
    standfirst: clean(article.standfirst),
    body: clean(article.body),
    bodyHtml: markdownToHtml(article.body),
    tags: article.tags.map(clean),
    author: { name: clean(article.author.name), bio: clean(article.author.bio), function: clean(article.author.function) },
    publishedAt: instant(article.publishedAt),
    updatedAt: instant(article.updatedAt),
    corrections: article.corrections.map((c) => ({ kind: c.kind, note: clean(c.note), at: instant(c.at) })),
    media: article.media.map((m) => ({
      url: mediaUrl(site, m.path),
      contentType: clean(m.contentType),
      width: m.width,
      height: m.height,
      caption: orNull(m.caption),
      credit: orNull(m.credit),
    })),
  };
}
