import { htmlDocument, og } from './layout.js';
import type { SiteContext, SiteEntry } from './model.js';
import { cleanEntry, escape, humanDate, instant } from './text.js';
import { articleUrl, baseUrl } from './urls.js';

/** How many articles the front page and each feed list. */
export const FRONT_PAGE_SIZE = 50;

/** The front page: the latest articles as given (newest first), at most `FRONT_PAGE_SIZE`. */
export function frontPage(entries: readonly SiteEntry[], site: SiteContext): string {
  const latest = entries.slice(0, FRONT_PAGE_SIZE).map(cleanEntry);
  const home = `${baseUrl(site)}/`;
  const list =
    latest.length === 0
      ? '<p class="empty">No articles have been published yet.</p>\n'
      : `<ol class="stories">
${latest
  .map(
    (e) => `<li>
<h2><a href="${escape(articleUrl(site, e.slug))}">${escape(e.headline)}</a></h2>
${e.standfirst ? `<p>${escape(e.standfirst)}</p>\n` : ''}<p class="meta">By ${escape(e.authorName)} · <time datetime="${escape(instant(e.publishedAt))}">${escape(humanDate(e.publishedAt))}</time></p>
</li>`,
  )
  .join('\n')}
</ol>
`;
  return htmlDocument(site, {
    title: site.title,
    description: `The latest articles from ${site.title}.`,
    canonical: home,
    head: og('og:type', 'website') + og('og:title', site.title) + og('og:url', home) + og('og:site_name', site.title),
    main: `<h1>Latest articles</h1>\n${list}`,
  });
}

/** The page readers get for a path the site does not have (or no longer has): a way back to the front page. */
export function notFoundPage(site: SiteContext): string {
  const home = `${baseUrl(site)}/`;
  return htmlDocument(site, {
    title: `Not found – ${site.title}`,
    description: 'There is no page at this address.',
    canonical: home,
    head: '<meta name="robots" content="noindex">\n',
    main: `<h1>Not found</h1>\n<p>There is no page at this address, or it has been taken down. <a href="${escape(home)}">See the latest articles</a>.</p>\n`,
  });
}
