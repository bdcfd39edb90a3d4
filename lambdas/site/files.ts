import { atomFeed, jsonFeed } from './feeds.js';
import { frontPage, notFoundPage } from './front.js';
import type { SiteArticle, SiteContext, SiteEntry, SiteFile } from './model.js';
import { articlePage } from './page.js';
import { publicArticleJson } from './public-json.js';
import { STYLESHEET } from './style.js';
import { fileJson } from './text.js';
import { articlePaths, FRONT_PATHS, NOT_FOUND_PATH, STYLE_PATH } from './urls.js';

/** The Content-Type of each kind of file the site serves. */
export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  jsonFeed: 'application/feed+json; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as const;

/**
 * Cache-Control per kind. Pages, JSON, feeds and the stylesheet change in place, so the CDN keeps
 * them until the renderer invalidates them (`s-maxage` a year) while browsers revalidate every time
 * (`max-age=0, must-revalidate`, answered 304 by ETag). Images never change at their path (a new
 * image gets a new path), so everyone may keep them for a year.
 */
export const CACHE_CONTROL = {
  page: 'public, max-age=0, s-maxage=31536000, must-revalidate',
  media: 'public, max-age=31536000, immutable',
} as const;

/**
 * The headers every response of the site carries, locally and from CloudFront's response headers
 * policy (which adds HSTS in AWS, where the site is HTTPS only). The policy allows no script at all
 * (the JSON-LD block is data, never run), styles and images from the site itself (and images over
 * HTTPS), and no framing, forms, plugins or `<base>`.
 */
export const SITE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' https: data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
});

const file = (path: string, body: string, contentType: string): SiteFile => ({ path, body, contentType, cacheControl: CACHE_CONTROL.page });

/** An article's own files: its page (`/articles/{slug}/index.html`) and its JSON (`/articles/{slug}.json`). */
export function articleFiles(article: SiteArticle, site: SiteContext): SiteFile[] {
  const paths = articlePaths(article.slug);
  return [
    file(paths.page, articlePage(article, site), CONTENT_TYPES.html),
    file(paths.json, fileJson(publicArticleJson(article, site)), CONTENT_TYPES.json),
  ];
}

/** The front page and the two feeds, from the latest entries, newest first. */
export function frontFiles(entries: readonly SiteEntry[], site: SiteContext): SiteFile[] {
  return [
    file(FRONT_PATHS.page, frontPage(entries, site), CONTENT_TYPES.html),
    file(FRONT_PATHS.atom, atomFeed(entries, site), CONTENT_TYPES.atom),
    file(FRONT_PATHS.jsonFeed, jsonFeed(entries, site), CONTENT_TYPES.jsonFeed),
  ];
}

/** The stylesheet, `/style.css`. */
export function styleFile(): SiteFile {
  return file(STYLE_PATH, STYLESHEET, CONTENT_TYPES.css);
}

/** The site's own files besides articles and the front page: the stylesheet and the 404 page. */
export function siteChromeFiles(site: SiteContext): SiteFile[] {
  return [styleFile(), file(NOT_FOUND_PATH, notFoundPage(site), CONTENT_TYPES.html)];
}
