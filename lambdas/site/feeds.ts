import { FRONT_PAGE_SIZE } from './front.js';
import type { SiteContext, SiteEntry } from './model.js';
import { clean, cleanEntry, escape, fileJson, instant } from './text.js';
import { articleUrl, baseUrl, FRONT_PATHS, siteUrl } from './urls.js';

/**
 * Atom 1.0 and JSON Feed 1.1, written here rather than with a feed library: the `feed` package
 * (through xml-js) escapes markup but passes control characters through, and a single U+0000 to
 * U+001F, U+FFFE or lone surrogate pasted into a headline makes the whole XML document unreadable
 * to every feed reader. Both feeds are a dozen elements; writing them with `escape` (which strips
 * every character XML 1.0 forbids, then escapes `& < > " '`) keeps them correct and keeps the
 * renderer's bundle small.
 */

/** The last change among the entries; with no entry, the Unix epoch (a fixed value keeps renders idempotent). */
function lastUpdated(entries: readonly SiteEntry[]): string {
  const times = entries.map((e) => Date.parse(e.updatedAt)).filter((t) => !Number.isNaN(t));
  return new Date(times.length > 0 ? Math.max(...times) : 0).toISOString();
}

const authorName = (e: SiteEntry, site: SiteContext) => (e.authorName.trim() ? e.authorName : site.title);

/** The Atom 1.0 feed (`/feed.xml`, `application/atom+xml`): the 50 latest, newest first. */
export function atomFeed(entries: readonly SiteEntry[], site: SiteContext): string {
  const latest = entries.slice(0, FRONT_PAGE_SIZE).map(cleanEntry);
  const home = `${baseUrl(site)}/`;
  const items = latest.map((e) => {
    const url = escape(articleUrl(site, e.slug));
    return `  <entry>
    <id>${url}</id>
    <title type="text">${escape(e.headline)}</title>
    <link rel="alternate" type="text/html" href="${url}"/>
    <published>${escape(instant(e.publishedAt))}</published>
    <updated>${escape(instant(e.updatedAt))}</updated>
    <author><name>${escape(authorName(e, site))}</name></author>
    <summary type="text">${escape(e.standfirst)}</summary>
  </entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${escape(home)}</id>
  <title type="text">${escape(site.title)}</title>
  <subtitle type="text">The latest articles from ${escape(site.title)}</subtitle>
  <updated>${lastUpdated(latest)}</updated>
  <link rel="self" type="application/atom+xml" href="${escape(siteUrl(site, FRONT_PATHS.atom))}"/>
  <link rel="alternate" type="text/html" href="${escape(home)}"/>
  <author><name>${escape(site.title)}</name></author>
  <generator>Newsroom</generator>
${items.join('')}</feed>
`;
}

/** The JSON Feed 1.1 (`/feed.json`, `application/feed+json`): the 50 latest, newest first. */
export function jsonFeed(entries: readonly SiteEntry[], site: SiteContext): string {
  const latest = entries.slice(0, FRONT_PAGE_SIZE).map(cleanEntry);
  return fileJson({
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: `${baseUrl(site)}/`,
    feed_url: siteUrl(site, FRONT_PATHS.jsonFeed),
    description: `The latest articles from ${clean(site.title)}`,
    language: 'en',
    authors: [{ name: site.title }],
    items: latest.map((e) => {
      const url = articleUrl(site, e.slug);
      return {
        id: url,
        url,
        title: e.headline,
        summary: e.standfirst,
        // JSON Feed requires content_html or content_text; the feed carries the standfirst, the page the rest.
        content_text: e.standfirst,
        date_published: instant(e.publishedAt),
        date_modified: instant(e.updatedAt),
        authors: [{ name: authorName(e, site) }],
      };
    }),
  });
}
