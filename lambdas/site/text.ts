import type { SiteArticle, SiteEntry } from './model.js';

/**
 * The few string rules every output of the site shares. Text is checked at the edge of the domain
 * (no control characters, no lone surrogates), and the site still cleans and escapes everything it
 * writes: a page, a feed or JSON-LD must stay well-formed even if a value slipped past that check
 * (older articles, profiles, a future import path).
 */

/**
 * What no output may carry: C0 controls but tab and line feed, DEL, C1 controls, U+FFFE and U+FFFF
 * (not XML characters), and UTF-16 surrogates that are not part of a pair.
 */
const UNWANTED = /[\0-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with everything `UNWANTED` taken out (a carriage return of a CRLF pair becomes nothing, the LF stays). */
export const clean = (s: string): string => s.replace(UNWANTED, '');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Cleaned and escaped for HTML text and quoted attribute values alike; the same five characters
 * are the ones XML needs escaped, so Atom uses it too.
 */
export const escape = (s: string): string => clean(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * JSON that can sit inside `<script type="application/ld+json">`: `<`, `>` and `&` as `\u003c`…
 * so no `</script>` or `<!--` can end or bend the block, and U+2028/U+2029 escaped for old parsers.
 * Strings in `value` are cleaned first.
 */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? clean(v) : v)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** JSON for a file: strings cleaned, nothing else changed. */
export const fileJson = (value: unknown): string =>
  `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? clean(v) : v), 2)}\n`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * An instant for `datetime` attributes and feeds: RFC 3339 in UTC with its offset (`Z`). A value
 * that is not a date is passed on cleaned (never thrown on: a page must still render).
 */
export const instant = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? clean(iso) : d.toISOString();
};

/** An instant as readers see it, in UTC so every reader reads the same: "26 November 2026, 09:05 UTC". */
export const humanDate = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return clean(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
};

/** The article with every string cleaned, so what is shown and what is left out (an empty bio) agree. */
export const cleanArticle = (a: SiteArticle): SiteArticle => ({
  slug: a.slug,
  headline: clean(a.headline),
  standfirst: clean(a.standfirst),
  body: clean(a.body),
  tags: a.tags.map(clean).filter((t) => t.trim() !== ''),
  author: { name: clean(a.author.name), bio: clean(a.author.bio), function: clean(a.author.function) },
  publishedAt: a.publishedAt,
  updatedAt: a.updatedAt,
  corrections: a.corrections.map((c) => ({ kind: c.kind, note: clean(c.note), at: c.at })),
  media: a.media.map((m) => ({
    ...m,
    contentType: clean(m.contentType),
    caption: m.caption === null ? null : clean(m.caption),
    credit: m.credit === null ? null : clean(m.credit),
  })),
});

export const cleanEntry = (e: SiteEntry): SiteEntry => ({
  ...e,
  headline: clean(e.headline),
  standfirst: clean(e.standfirst),
  authorName: clean(e.authorName),
});
