import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  articlePage,
  atomFeed,
  frontPage,
  jsonFeed,
  publicArticleJson,
  type SiteArticle,
  type SiteEntry,
} from '../../../lambdas/site/index.js';
import {
  all,
  BORDER_PHOTO,
  elements,
  entry,
  first,
  fixtureArticle,
  HOSTILE,
  hostileArticle,
  htmlProblems,
  jsonLd,
  SITE,
  xmlError,
} from './reader.js';

/** Where a browser would go or what it would run: every URL-bearing attribute and every event handler. */
function dangers(html: string): string[] {
  const found: string[] = [];
  for (const e of elements(html)) {
    for (const { name, value } of e.attrList) {
      if (name.startsWith('on')) found.push(`<${e.tag} ${name}>`);
      if (
        ['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href', 'poster', 'data'].includes(name) &&
        !/^(https?:\/\/|mailto:)/i.test(value)
      )
        found.push(`<${e.tag} ${name}="${value}">`);
    }
    if (['svg', 'iframe', 'object', 'embed', 'math', 'form', 'base', 'frame', 'style'].includes(e.tag)) found.push(`<${e.tag}>`);
    if (e.tag === 'script' && e.attrs.type !== 'application/ld+json') found.push('<script> that runs');
  }
  return found;
}

describe('a hostile article (script, event handlers, javascript: links in every field)', () => {
  const article = hostileArticle();
  const html = articlePage(article, SITE);

  it('has no script but the JSON-LD, no event handler, no javascript: or data: link, no injected element', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(dangers(html)).toEqual([]);
    expect(all(html, 'img')).toHaveLength(1);
    expect(all(html, 'a').map((a) => a.attrs.href)).toEqual([`${SITE.baseUrl}/`, `${SITE.baseUrl}/feed.xml`, `${SITE.baseUrl}/feed.json`]);
  });

  it('shows readers what was written, as text', () => {
    expect(first(html, 'h1').text).toBe(HOSTILE);
    expect(first(html, 'p', 'standfirst').text).toBe(HOSTILE);
    expect(first(html, 'img').attrs.alt).toBe(HOSTILE);
    expect(first(html, 'span', 'credit').text).toBe(HOSTILE);
    expect(first(html, 'aside', 'author').text).toBe(`About the author Author: ${HOSTILE} ${HOSTILE} Function: ${HOSTILE}`);
    expect(first(html, 'title').text).toBe(`${HOSTILE} – The Newsroom`);
  });

  it('keeps the JSON-LD one block that parses, whatever the fields hold', () => {
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    const ld = jsonLd(html);
    expect(ld.headline).toBe(HOSTILE);
    expect(ld.author).toEqual({ '@type': 'Person', name: HOSTILE, description: HOSTILE, jobTitle: HOSTILE });
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: HOSTILE, datePublished: '2026-07-06T08:00:00.000Z' }]);
  });

  it('is still valid HTML', async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('gives the hostile text back as plain strings in the public JSON, and a bodyHtml without links', () => {
    const json = publicArticleJson(article, SITE);
    expect(json.headline).toBe(HOSTILE);
    expect(dangers(json.bodyHtml)).toEqual([]);
    expect(json.bodyHtml).not.toMatch(/<(a|script|img|svg|iframe)\b/i);
  });

  it('leaves the front page and the feeds intact', async () => {
    const entries = [entry(1, { headline: HOSTILE, standfirst: HOSTILE, authorName: HOSTILE })];
    const front = frontPage(entries, SITE);
    expect(front).not.toMatch(/<script/i);
    expect(dangers(front)).toEqual([]);
    expect(first(front, 'h2').text).toBe(HOSTILE);
    expect(await htmlProblems(front)).toEqual([]);
    expect(xmlError(atomFeed(entries, SITE))).toBeUndefined();
    expect(JSON.parse(jsonFeed(entries, SITE)).items[0].title).toBe(HOSTILE);
  });
});

/** Any string at all: lone surrogates, control characters, markup and the pieces attacks are made of. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '`',
      '=',
      '/',
      ' ',
      '\n',
      '\t',
      'a',
      '\u0000',
      '\u0085',
      '\u2028',
      '\ud800',
      '\udfff',
      '\uffff',
      '</script>',
      '<!--',
      'on',
      'javascript:',
      '<svg onload=x>',
      '[x](javascript:y)',
      '](',
      '&lt;',
    ),
    maxLength: 20,
  }),
);

/** What the site leaves out of any text (the oracle's own copy of the rule). */
const UNWANTED = /[\0-\x08\v-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const stripped = (s: string) => s.replace(UNWANTED, '');

/** The same article with plain text wherever the arbitrary one shows text (so optional parts appear in both). */
const plainLike = (a: SiteArticle): SiteArticle => {
  const x = (s: string) => (stripped(s) === '' ? '' : 'x');
  return {
    ...a,
    headline: x(a.headline),
    standfirst: x(a.standfirst),
    tags: a.tags.filter((t) => stripped(t).trim() !== '').map(x),
    author: { name: x(a.author.name), bio: x(a.author.bio), function: x(a.author.function) },
    corrections: a.corrections.map((c) => ({ ...c, note: x(c.note) })),
    media: a.media.map((m) => ({
      ...m,
      caption: m.caption === null ? null : x(m.caption),
      credit: m.credit === null ? null : x(m.credit),
    })),
  };
};

const shape = (html: string) => elements(html).map((e) => `${e.tag}[${e.attrList.map((a) => a.name).join(',')}]`);

describe('arbitrary text in every field (property)', () => {
  it('never adds a tag or an attribute to the page: the markup is the template’s own', () => {
    fc.assert(
      fc.property(
        fc.record({
          headline: anyText,
          standfirst: anyText,
          tag: anyText,
          name: anyText,
          bio: anyText,
          role: anyText,
          note: anyText,
          caption: anyText,
          credit: anyText,
        }),
        (t) => {
          const article = fixtureArticle({
            headline: t.headline,
            standfirst: t.standfirst,
            body: 'A plain paragraph.',
            tags: [t.tag],
            author: { name: t.name, bio: t.bio, function: t.role },
            corrections: [{ kind: 'correction', note: t.note, at: '2026-07-06T08:00:00.000Z' }],
            media: [{ ...BORDER_PHOTO, caption: t.caption, credit: t.credit }],
          });
          const html = articlePage(article, SITE);
          const plain = articlePage(plainLike(article), SITE);
          expect(html.split('<').length).toBe(plain.split('<').length);
          expect(shape(html)).toEqual(shape(plain));
          expect(jsonLd(html).headline).toBe(stripped(t.headline));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never lets a body add anything but Markdown’s own elements and safe links', () => {
    const markdown = new Set([
      'p',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'em',
      'strong',
      'a',
      'ul',
      'ol',
      'li',
      'blockquote',
      'code',
      'pre',
      'br',
      'hr',
    ]);
    const plain = new Set(shape(articlePage(fixtureArticle({ body: '' }), SITE)).map((s) => s.split('[')[0]));
    const bodyText = fc.oneof(
      anyText,
      fc
        .array(
          fc.constantFrom(
            '# ',
            '## ',
            '- ',
            '1. ',
            '> ',
            '*',
            '_',
            '`',
            '```',
            '[a](',
            'https://x.example/',
            'mailto:a@b',
            ')',
            '<',
            '>',
            '\n',
            '\n\n',
            ' ',
            'x',
            '<https://y.example>',
            '![i](https://z.example/p.png)',
            '"',
            "'",
          ),
          { maxLength: 30 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(bodyText, (body) => {
        const html = articlePage(fixtureArticle({ body }), SITE);
        expect(html.match(/<script/gi)).toHaveLength(1);
        expect(dangers(html)).toEqual([]);
        for (const e of elements(html)) {
          expect(plain.has(e.tag) || markdown.has(e.tag)).toBe(true);
        }
        const extra = elements(html).filter((e) => markdown.has(e.tag) && !plain.has(e.tag));
        for (const e of extra)
          expect(e.attrList.map((a) => a.name).filter((n) => !['href', 'title', 'start', 'class'].includes(n))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the Atom feed well-formed XML and the JSON Feed valid JSON, with the text round-tripping', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ headline: anyText, standfirst: anyText, authorName: anyText }), { minLength: 1, maxLength: 3 }),
        (texts) => {
          const entries: SiteEntry[] = texts.map((t, i) => entry(i, t));
          expect(xmlError(atomFeed(entries, SITE))).toBeUndefined();
          const feed = JSON.parse(jsonFeed(entries, SITE));
          expect(feed.items.map((i: { title: string }) => i.title)).toEqual(texts.map((t) => stripped(t.headline)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
