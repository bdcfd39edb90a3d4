import { htmlDocument, og } from './layout.js';
import { markdownToHtml } from './markdown.js';
import type { SiteArticle, SiteContext, SiteCorrection, SiteMedia } from './model.js';
import { cleanArticle, escape, humanDate, instant, scriptJson } from './text.js';
import { articleUrl, mediaUrl } from './urls.js';

const isImage = (m: SiteMedia) => m.contentType.toLowerCase().startsWith('image/');

const CORRECTION_LABEL: Record<SiteCorrection['kind'], string> = { correction: 'Correction', update: 'Update' };

const time = (iso: string) => `<time datetime="${escape(instant(iso))}">${escape(humanDate(iso))}</time>`;

/**
 * The article's JSON-LD: schema.org `NewsArticle`. Corrections (kind `correction`) are
 * `CorrectionComment`s, as schema.org and search engines read them; an update is news, not a
 * correction of an error, so it is shown on the page but not claimed as a `correction`.
 */
export function articleJsonLd(input: SiteArticle, site: SiteContext): Record<string, unknown> {
  const article = cleanArticle(input);
  const url = articleUrl(site, article.slug);
  const images = article.media.filter(isImage).map((m) => mediaUrl(site, m.path));
  const { name, bio, function: role } = article.author;
  const corrections = article.corrections.filter((c) => c.kind === 'correction');
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.standfirst,
    url,
    mainEntityOfPage: url,
    datePublished: instant(article.publishedAt),
    dateModified: instant(article.updatedAt),
    author: { '@type': 'Person', name, ...(bio && { description: bio }), ...(role && { jobTitle: role }) },
    publisher: { '@type': 'Organization', name: site.title },
    ...(images.length > 0 && { image: images }),
    ...(article.tags.length > 0 && { keywords: article.tags }),
    ...(corrections.length > 0 && {
      correction: corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: instant(c.at) })),
    }),
  };
}

function figure(site: SiteContext, media: SiteMedia, lead: boolean): string {
  const src = escape(mediaUrl(site, media.path));
  const caption = media.caption ? escape(media.caption) : '';
  const credit = media.credit ? `<span class="credit">${escape(media.credit)}</span>` : '';
  const figcaption = caption || credit ? `<figcaption>${[caption, credit].filter(Boolean).join(' · ')}</figcaption>` : '';
  if (!isImage(media)) {
    // Only images are shown in the page; any other file is offered as a link.
    return `<figure><p><a href="${src}">${caption || 'Attached file'}</a></p>${credit ? `<figcaption>${credit}</figcaption>` : ''}</figure>\n`;
  }
  const dimension = (n: number | null) => (n !== null && Number.isInteger(n) && n > 0 ? n : undefined);
  const [width, height] = [dimension(media.width), dimension(media.height)];
  const size = width && height ? ` width="${width}" height="${height}"` : '';
  const loading = lead ? '' : ' loading="lazy"';
  return `<figure><img src="${src}" alt="${caption}"${size}${loading}>${figcaption}</figure>\n`;
}

/** The article page: a complete HTML5 document that needs no JavaScript. */
export function articlePage(input: SiteArticle, site: SiteContext): string {
  const article = cleanArticle(input);
  const url = articleUrl(site, article.slug);
  const image = article.media.find(isImage);
  const { name, bio, function: role } = article.author;
  const updated = instant(article.updatedAt) !== instant(article.publishedAt);

  const head = [
    og('og:type', 'article'),
    og('og:title', article.headline),
    og('og:description', article.standfirst),
    og('og:url', url),
    og('og:site_name', site.title),
    image ? og('og:image', mediaUrl(site, image.path)) : '',
    image?.caption ? og('og:image:alt', image.caption) : '',
    og('article:published_time', instant(article.publishedAt)),
    og('article:modified_time', instant(article.updatedAt)),
    ...article.tags.map((tag) => og('article:tag', tag)),
    `<script type="application/ld+json">${scriptJson(articleJsonLd(article, site))}</script>\n`,
  ].join('');

  const corrections =
    article.corrections.length === 0
      ? ''
      : `<section class="corrections" aria-labelledby="corrections-heading">
<h2 id="corrections-heading">Corrections and updates</h2>
<ul>
${article.corrections
  .map((c) => `<li><strong>${CORRECTION_LABEL[c.kind] ?? 'Note'}</strong>, ${time(c.at)}: ${escape(c.note)}</li>`)
  .join('\n')}
</ul>
</section>
`;

  const tags = article.tags.length === 0 ? '' : `<ul class="tags">${article.tags.map((t) => `<li>${escape(t)}</li>`).join('')}</ul>\n`;

  const main = `<article>
<header>
<h1>${escape(article.headline)}</h1>
${article.standfirst ? `<p class="standfirst">${escape(article.standfirst)}</p>\n` : ''}<p class="meta">By ${escape(name)} · Published ${time(article.publishedAt)}${updated ? ` · Updated ${time(article.updatedAt)}` : ''}</p>
</header>
${article.media.map((m, i) => figure(site, m, i === 0)).join('')}<div class="body">
${markdownToHtml(article.body)}</div>
${corrections}${tags}<aside class="author" aria-labelledby="author-heading">
<h2 id="author-heading">About the author</h2>
<p>Author: <strong>${escape(name)}</strong></p>
${bio ? `<p>${escape(bio)}</p>\n` : ''}${role ? `<p>Function: ${escape(role)}</p>\n` : ''}</aside>
</article>
`;

  return htmlDocument(site, {
    title: `${article.headline} – ${site.title}`,
    description: article.standfirst,
    canonical: url,
    head,
    main,
  });
}
