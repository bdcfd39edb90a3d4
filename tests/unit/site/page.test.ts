import { describe, expect, it } from '@jest/globals';
import { articlePage } from '../../../lambdas/site/index.js';
import { all, BORDER_PHOTO, elements, first, fixtureArticle, htmlProblems, jsonLd, meta, SITE } from './reader.js';

const URL = `${SITE.baseUrl}/articles/border-with-afghanistan-tajikistan-mobilizes-20-000-troops/`;

describe('the article page of the fixture article', () => {
  const html = articlePage(fixtureArticle(), SITE);

  it('shows the headline as the one h1, then the standfirst and the body paragraphs', () => {
    expect(all(html, 'h1').map((h) => h.text)).toEqual(['Border with Afghanistan – Tajikistan mobilizes 20,000 troops']);
    expect(first(html, 'p', 'standfirst').text).toBe(
      'The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.',
    );
    const body = elements(html).filter((e) => e.tag === 'p' && e.text.length > 100 && !e.attrs.class);
    expect(body.map((p) => p.text.slice(0, 40))).toEqual([
      'The Central Asian Republic of Tajikistan',
      'The Tajik border troops announced that t',
      'The Islamists are on the advance in nort',
      'Despite their advance in Afghanistan, th',
      'The spokeswoman for the Afghan Ministry ',
      'Since the international troops began to ',
    ]);
    // The filed subheading is its own paragraph, as filed.
    expect(all(html, 'p').some((p) => p.text === 'Taliban promise peace plan and talks')).toBe(true);
  });

  it('has the author box: name, bio and function', () => {
    const box = first(html, 'aside', 'author').text;
    expect(box).toContain('Author: Killian Jones');
    expect(box).toContain('Graduated From Princeton University.He has been at the USTV since 2017.');
    expect(box).toContain('Function: Chief-Editor');
  });

  it('is valid HTML (html-validate, recommended rules)', async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('reads well on a phone, links its one stylesheet by absolute URL and runs no script', () => {
    expect(meta(html, 'og:type')).toBe('article');
    expect(all(html, 'meta').find((m) => m.attrs.name === 'viewport')?.attrs.content).toBe('width=device-width, initial-scale=1');
    const styles = all(html, 'link').filter((l) => l.attrs.rel === 'stylesheet');
    expect(styles.map((l) => l.attrs.href)).toEqual([`${SITE.baseUrl}/style.css`]);
    expect(all(html, 'script').map((s) => s.attrs.type)).toEqual(['application/ld+json']);
    expect(
      elements(html).filter((e) => e.tag === 'style' || e.attrList.some((a) => a.name === 'style' || a.name.startsWith('on'))),
    ).toEqual([]);
  });

  it('names its canonical URL and its feeds, and tells link previews what it is (Open Graph)', () => {
    expect(all(html, 'link').find((l) => l.attrs.rel === 'canonical')?.attrs.href).toBe(URL);
    expect(
      all(html, 'link')
        .filter((l) => l.attrs.rel === 'alternate')
        .map((l) => [l.attrs.type, l.attrs.href]),
    ).toEqual([
      ['application/atom+xml', `${SITE.baseUrl}/feed.xml`],
      ['application/feed+json', `${SITE.baseUrl}/feed.json`],
    ]);
    expect(meta(html, 'og:title')).toBe('Border with Afghanistan – Tajikistan mobilizes 20,000 troops');
    expect(meta(html, 'og:description')).toMatch(/^The Taliban are offering peace talks/);
    expect(meta(html, 'og:url')).toBe(URL);
    expect(meta(html, 'article:published_time')).toBe('2026-07-05T09:30:00.000Z');
    expect(meta(html, 'og:image')).toBeUndefined();
  });

  it('dates its publication with a machine-readable time, and shows no "updated" before a change', () => {
    expect(all(html, 'time').map((t) => [t.attrs.datetime, t.text])).toEqual([['2026-07-05T09:30:00.000Z', '5 July 2026, 09:30 UTC']]);
    expect(first(html, 'p', 'meta').text).toBe('By Killian Jones · Published 5 July 2026, 09:30 UTC');
  });

  it('describes itself to search engines as a NewsArticle (JSON-LD)', () => {
    expect(jsonLd(html)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Border with Afghanistan – Tajikistan mobilizes 20,000 troops',
      description: expect.stringMatching(/^The Taliban/),
      url: URL,
      mainEntityOfPage: URL,
      datePublished: '2026-07-05T09:30:00.000Z',
      dateModified: '2026-07-05T09:30:00.000Z',
      author: {
        '@type': 'Person',
        name: 'Killian Jones',
        description: 'Graduated From Princeton University.He has been at the USTV since 2017.',
        jobTitle: 'Chief-Editor',
      },
      publisher: { '@type': 'Organization', name: 'The Newsroom' },
      keywords: ['tajikistan', 'afghanistan'],
    });
  });
});

describe('an article with an image, a correction and an update', () => {
  const article = fixtureArticle({
    updatedAt: '2026-07-06T14:05:00.000Z',
    media: [
      BORDER_PHOTO,
      { ...BORDER_PHOTO, path: '/media/a-1/m-2.png', contentType: 'image/png', width: null, height: null, caption: null },
    ],
    corrections: [
      { kind: 'correction', note: 'An earlier version gave the border as 1,300 km long.', at: '2026-07-06T08:00:00.000Z' },
      { kind: 'update', note: 'Russia has since offered military help.', at: '2026-07-06T14:05:00.000Z' },
    ],
  });
  const html = articlePage(article, SITE);

  it('shows each image with its size, its caption as alternative text, and the credit', () => {
    const figures = all(html, 'figure');
    expect(figures.map((f) => f.text)).toEqual(['The border post at Panj · Reuters', 'Reuters']);
    expect(all(html, 'img').map((i) => i.attrs)).toEqual([
      { src: `${SITE.baseUrl}/media/a-1/m-1.jpg`, alt: 'The border post at Panj', width: '1200', height: '800' },
      { src: `${SITE.baseUrl}/media/a-1/m-2.png`, alt: '', loading: 'lazy' },
    ]);
    expect(first(html, 'span', 'credit').text).toBe('Reuters');
    expect(meta(html, 'og:image')).toBe(`${SITE.baseUrl}/media/a-1/m-1.jpg`);
  });

  it('lists every correction and update with its date and note, and when it was last updated', () => {
    expect(first(html, 'section', 'corrections').text).toMatch(/^Corrections and updates /);
    expect(
      all(html, 'li')
        .filter((li) => /^(Correction|Update),/.test(li.text))
        .map((li) => li.text),
    ).toEqual([
      'Correction, 6 July 2026, 08:00 UTC: An earlier version gave the border as 1,300 km long.',
      'Update, 6 July 2026, 14:05 UTC: Russia has since offered military help.',
    ]);
    expect(first(html, 'p', 'meta').text).toBe('By Killian Jones · Published 5 July 2026, 09:30 UTC · Updated 6 July 2026, 14:05 UTC');
    expect(all(html, 'time').map((t) => t.attrs.datetime)).toEqual([
      '2026-07-05T09:30:00.000Z',
      '2026-07-06T14:05:00.000Z',
      '2026-07-06T08:00:00.000Z',
      '2026-07-06T14:05:00.000Z',
    ]);
    expect(meta(html, 'article:modified_time')).toBe('2026-07-06T14:05:00.000Z');
  });

  it('gives the correction to machines as a schema.org CorrectionComment, and the images', () => {
    const ld = jsonLd(html);
    expect(ld.dateModified).toBe('2026-07-06T14:05:00.000Z');
    expect(ld.image).toEqual([`${SITE.baseUrl}/media/a-1/m-1.jpg`, `${SITE.baseUrl}/media/a-1/m-2.png`]);
    expect(ld.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the border as 1,300 km long.',
        datePublished: '2026-07-06T08:00:00.000Z',
      },
    ]);
  });

  it('is valid HTML', async () => {
    expect(await htmlProblems(html)).toEqual([]);
  });
});

describe('an article with only the required parts', () => {
  const html = articlePage(
    fixtureArticle({
      standfirst: '',
      tags: [],
      author: { name: 'Rita Reporter', bio: '', function: '' },
      media: [{ path: '/media/a-1/m-3.mp3', contentType: 'audio/mpeg', width: null, height: null, caption: 'The interview', credit: null }],
    }),
    SITE,
  );

  it('leaves out what is empty, and offers a file that is not an image as a link', async () => {
    expect(all(html, 'p').filter((p) => p.attrs.class === 'standfirst')).toEqual([]);
    expect(all(html, 'ul').filter((u) => u.attrs.class === 'tags')).toEqual([]);
    expect(first(html, 'aside', 'author').text).toBe('About the author Author: Rita Reporter');
    expect(all(html, 'img')).toEqual([]);
    expect(all(html, 'a').find((a) => a.text === 'The interview')?.attrs.href).toBe(`${SITE.baseUrl}/media/a-1/m-3.mp3`);
    expect(meta(html, 'og:image')).toBeUndefined();
    expect(jsonLd(html).image).toBeUndefined();
    expect(jsonLd(html).author).toEqual({ '@type': 'Person', name: 'Rita Reporter' });
    expect(await htmlProblems(html)).toEqual([]);
  });
});

describe('what the page refuses to render', () => {
  it('a slug or media path that could leave its folder', () => {
    expect(() => articlePage(fixtureArticle({ slug: '../index' }), SITE)).toThrow('Not a slug');
    expect(() => articlePage(fixtureArticle({ slug: 'a/b' }), SITE)).toThrow('Not a slug');
    expect(() => articlePage(fixtureArticle({ media: [{ ...BORDER_PHOTO, path: '/media/../index.html' }] }), SITE)).toThrow(
      'Not a site media path',
    );
    expect(() => articlePage(fixtureArticle({ media: [{ ...BORDER_PHOTO, path: 'https://evil.example/x.png' }] }), SITE)).toThrow(
      'Not a site media path',
    );
  });
});
