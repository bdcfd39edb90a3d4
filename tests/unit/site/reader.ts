import { parse } from 'parse5';
import { SaxesParser } from 'saxes';
import { HtmlValidate } from 'html-validate';
import type { SiteArticle, SiteContext, SiteEntry } from '../../../lambdas/site/index.js';
import { readFixture } from '../../support/fixture-article.js';

/** The site the tests render for: below a path, as locally, so links must carry the base. */
export const SITE: SiteContext = { baseUrl: 'http://localhost:3000/site', title: 'The Newsroom' };

/** The fixture article as the site gets it: as filed, by its author, with one image. */
export function fixtureArticle(overrides: Partial<SiteArticle> = {}): SiteArticle {
  const filed = readFixture('tajikistan-border.txt');
  return {
    slug: 'border-with-afghanistan-tajikistan-mobilizes-20-000-troops',
    headline: filed.headline,
    standfirst: filed.standfirst,
    body: filed.body,
    tags: ['tajikistan', 'afghanistan'],
    author: {
      name: 'Killian Jones',
      bio: 'Graduated From Princeton University.He has been at the USTV since 2017.',
      function: 'Chief-Editor',
    },
    publishedAt: '2026-07-05T09:30:00.000Z',
    updatedAt: '2026-07-05T09:30:00.000Z',
    corrections: [],
    media: [],
    ...overrides,
  };
}

export const BORDER_PHOTO = {
  path: '/media/a-1/m-1.jpg',
  contentType: 'image/jpeg',
  width: 1200,
  height: 800,
  caption: 'The border post at Panj',
  credit: 'Reuters',
};

export const entry = (n: number, overrides: Partial<SiteEntry> = {}): SiteEntry => ({
  slug: `story-${n}`,
  headline: `Story number ${n}`,
  standfirst: `What happened in story ${n}.`,
  authorName: 'Killian Jones',
  publishedAt: new Date(Date.UTC(2026, 6, 5, 9, 0) - n * 60_000).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 6, 5, 10, 0) - n * 60_000).toISOString(),
  ...overrides,
});

/** What attackers paste into every field. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(2)>",
  '</script><script>alert(3)</script><!--',
  '[y](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) <a href="javascript:alert(5)">z</a>',
].join(' ');

export function hostileArticle(): SiteArticle {
  return fixtureArticle({
    headline: HOSTILE,
    standfirst: HOSTILE,
    body: `${HOSTILE}\n\n## ${HOSTILE}\n\n- ${HOSTILE}\n\n> ${HOSTILE}\n\n[click](javascript:alert(6)) [data](data:text/html,x) <javascript:alert(7)>\n\n[ref]\n\n[ref]: javascript:alert(8)`,
    tags: [HOSTILE, 'safe'],
    author: { name: HOSTILE, bio: HOSTILE, function: HOSTILE },
    corrections: [{ kind: 'correction', note: HOSTILE, at: '2026-07-06T08:00:00.000Z' }],
    media: [{ ...BORDER_PHOTO, caption: HOSTILE, credit: HOSTILE }],
  });
}

interface Element {
  tag: string;
  attrs: Record<string, string>;
  /** The text a reader sees in it, white space collapsed. */
  text: string;
  /** Its text as written (a script's source). */
  raw: string;
  /** Every attribute, in order, with duplicates. */
  attrList: { name: string; value: string }[];
}

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };

const rawText = (n: Node): string => (n.nodeName === '#text' ? n.value! : (n.childNodes ?? []).map(rawText).join(''));

/** Every element of the page as a browser parses it (parse5 follows the HTML standard), in document order. */
export function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (n.tagName) {
      const attrList = n.attrs ?? [];
      const raw = rawText(n);
      out.push({
        tag: n.tagName,
        attrs: Object.fromEntries(attrList.map((a) => [a.name, a.value])),
        attrList,
        raw,
        text: raw.replace(/\s+/g, ' ').trim(),
      });
    }
    (n.childNodes ?? []).forEach(walk);
  };
  walk(parse(html) as unknown as Node);
  return out;
}

export const all = (html: string, tag: string) => elements(html).filter((e) => e.tag === tag);
export const first = (html: string, tag: string, cls?: string) => {
  const found = elements(html).find((e) => e.tag === tag && (cls === undefined || (e.attrs.class ?? '').split(' ').includes(cls)));
  if (!found) throw new Error(`no <${tag}${cls ? `.${cls}` : ''}> in the page`);
  return found;
};
export const meta = (html: string, property: string) => all(html, 'meta').find((m) => m.attrs.property === property)?.attrs.content;

/** The JSON-LD of a page, parsed as a search engine does. */
export function jsonLd(html: string): Record<string, any> {
  const blocks = all(html, 'script').filter((s) => s.attrs.type === 'application/ld+json');
  if (blocks.length !== 1) throw new Error(`expected one JSON-LD block, got ${blocks.length}`);
  return JSON.parse(blocks[0]!.raw);
}

/**
 * What html-validate's recommended preset finds in a page, as "rule: message" lines. One rule is off:
 * - `long-title`: the title is the headline, and a headline's length is the newsroom's editorial
 *   choice (up to its limit); cutting it would cut words from tabs, bookmarks and search results.
 */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`));
}

/** Parses XML strictly (XML 1.0 well-formedness, as libxml2 and browsers do); returns the first error or undefined. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}
