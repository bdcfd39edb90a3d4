/**
 * What the public site is rendered from. Plain data: the rendering (templates, Markdown, feeds)
 * imports nothing from AWS and nothing from the store, so it runs the same in the renderer
 * function, the local newsroom and the tests.
 */

/** Where the site lives: every absolute link (canonical, feeds, JSON `url`) starts with `baseUrl`. */
export interface SiteContext {
  /** The public base URL without a trailing slash, e.g. `https://news.example.com` or `http://localhost:3000/site`. */
  baseUrl: string;
  /** The site's name, shown in the title bar, the front page and the feeds. */
  title: string;
}

/** An author as the page shows them, from their profile at render time. */
export interface SiteAuthor {
  name: string;
  bio: string;
  function: string;
}

/** A ready image of a published article, as copied into the site. */
export interface SiteMedia {
  /** The path under the site's base, e.g. `/media/<articleId>/<mediaId>.jpg`. */
  path: string;
  contentType: string;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
}

/** A correction or update as readers see it. */
export interface SiteCorrection {
  kind: 'correction' | 'update';
  note: string;
  at: string;
}

/** A published article, everything a reader may see of it and nothing else. */
export interface SiteArticle {
  slug: string;
  headline: string;
  standfirst: string;
  /** Markdown (CommonMark). */
  body: string;
  tags: string[];
  author: SiteAuthor;
  publishedAt: string;
  updatedAt: string;
  corrections: SiteCorrection[];
  media: SiteMedia[];
}

/** One line of the front page and one entry of each feed. */
export interface SiteEntry {
  slug: string;
  headline: string;
  standfirst: string;
  authorName: string;
  publishedAt: string;
  updatedAt: string;
}

/** A file of the site: its path under the base (`/articles/<slug>/index.html`), bytes and headers. */
export interface SiteFile {
  path: string;
  body: string;
  contentType: string;
  cacheControl: string;
}
