import type { SiteContext } from './model.js';

/**
 * The site's paths and absolute URLs. A slug or media path becomes part of a URL and of a file's
 * key in the site bucket, so anything that is not shaped like one is refused here (a programming
 * error upstream, never a reader's input): no `..`, no `/` inside a slug, nothing to escape.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 100;
const MEDIA_PATH = /^\/media(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;

export function checkSlug(slug: string): string {
  if (slug.length > SLUG_MAX || !SLUG.test(slug)) throw new Error(`Not a slug: ${JSON.stringify(slug.slice(0, SLUG_MAX))}`);
  return slug;
}

export function checkMediaPath(path: string): string {
  if (!MEDIA_PATH.test(path)) throw new Error(`Not a site media path: ${JSON.stringify(path.slice(0, 200))}`);
  return path;
}

/** The base URL without trailing slashes. */
export const baseUrl = (site: SiteContext): string => site.baseUrl.replace(/\/+$/, '');

/** The paths of the files of one article, under the site's base. */
export const articlePaths = (slug: string) => ({
  page: `/articles/${checkSlug(slug)}/index.html`,
  json: `/articles/${slug}.json`,
});

/** The front page's and the feeds' files, under the site's base. */
export const FRONT_PATHS = { page: '/index.html', atom: '/feed.xml', jsonFeed: '/feed.json' } as const;
export const STYLE_PATH = '/style.css';
/** The page CloudFront answers a missing path with (status 404), and the local site too. */
export const NOT_FOUND_PATH = '/404.html';

/** The article's public URL, as readers, feeds and search engines know it: its directory. */
export const articleUrl = (site: SiteContext, slug: string): string => `${baseUrl(site)}/articles/${checkSlug(slug)}/`;

export const articleJsonUrl = (site: SiteContext, slug: string): string => `${baseUrl(site)}/articles/${checkSlug(slug)}.json`;

export const mediaUrl = (site: SiteContext, path: string): string => `${baseUrl(site)}${checkMediaPath(path)}`;

export const siteUrl = (site: SiteContext, path: string): string => `${baseUrl(site)}${path}`;
