import type { SiteContext } from './model.js';
import { escape } from './text.js';
import { baseUrl, FRONT_PATHS, siteUrl, STYLE_PATH } from './urls.js';

/** What a page puts in the shared document. Every string but `head` and `main` is plain text. */
export interface DocumentParts {
  title: string;
  description: string;
  canonical: string;
  /** Extra `<head>` markup, already escaped. */
  head: string;
  /** The `<main>` element's content, already escaped. */
  main: string;
}

/** An HTML5 document: UTF-8, phone-sized viewport, the site's stylesheet and feeds, and no script to run. */
export function htmlDocument(site: SiteContext, parts: DocumentParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(parts.title)}</title>
<meta name="description" content="${escape(parts.description)}">
<link rel="canonical" href="${escape(parts.canonical)}">
<link rel="stylesheet" href="${escape(siteUrl(site, STYLE_PATH))}">
<link rel="alternate" type="application/atom+xml" title="${escape(site.title)}" href="${escape(siteUrl(site, FRONT_PATHS.atom))}">
<link rel="alternate" type="application/feed+json" title="${escape(site.title)}" href="${escape(siteUrl(site, FRONT_PATHS.jsonFeed))}">
${parts.head}</head>
<body>
<header class="masthead"><a href="${escape(`${baseUrl(site)}/`)}">${escape(site.title)}</a></header>
<main>
${parts.main}</main>
<footer class="colophon"><p>${escape(site.title)} · <a href="${escape(siteUrl(site, FRONT_PATHS.atom))}">Atom feed</a> · <a href="${escape(siteUrl(site, FRONT_PATHS.jsonFeed))}">JSON Feed</a></p></footer>
</body>
</html>
`;
}

/** A `<meta property=…>` line (Open Graph). */
export const og = (property: string, content: string): string => `<meta property="${property}" content="${escape(content)}">\n`;
