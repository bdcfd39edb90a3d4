import { markdownToHtml } from './markdown.js';
import type { SiteArticle, SiteContext, SiteCorrection } from './model.js';
import { cleanArticle, instant } from './text.js';
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

/**
 * The public JSON: built field by field from what readers may see, so nothing else of the article
 * (staff ids, approver, comments, history, revisions, workflow fields, other files) can leak into
 * it, even if the input carried more. Strings are cleaned of control characters.
 */
export function publicArticleJson(input: SiteArticle, site: SiteContext): PublicArticle {
  const article = cleanArticle(input);
  return {
    slug: article.slug,
    url: articleUrl(site, article.slug),
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    bodyHtml: markdownToHtml(article.body),
    tags: article.tags,
    author: { name: article.author.name, bio: article.author.bio, function: article.author.function },
    publishedAt: instant(article.publishedAt),
    updatedAt: instant(article.updatedAt),
    corrections: article.corrections.map((c) => ({ kind: c.kind, note: c.note, at: instant(c.at) })),
    media: article.media.map((m) => ({
      url: mediaUrl(site, m.path),
      contentType: m.contentType,
      width: m.width,
      height: m.height,
      caption: m.caption,
      credit: m.credit,
    })),
  };
}
