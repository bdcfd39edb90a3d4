import { describe, expect, it } from '@jest/globals';
import { articleFiles, CACHE_CONTROL, frontFiles, SITE_SECURITY_HEADERS, styleFile } from '../../../lambdas/site/index.js';
import { entry, fixtureArticle, SITE } from './reader.js';

const PAGE_CACHE = 'public, max-age=0, s-maxage=31536000, must-revalidate';

describe('the files of the site', () => {
  it('an article is its page and its JSON, served as HTML and JSON, kept by the CDN until invalidated', () => {
    const files = articleFiles(fixtureArticle({ slug: 'tajikistan-mobilizes' }), SITE);
    expect(files.map(({ path, contentType, cacheControl }) => ({ path, contentType, cacheControl }))).toEqual([
      { path: '/articles/tajikistan-mobilizes/index.html', contentType: 'text/html; charset=utf-8', cacheControl: PAGE_CACHE },
      { path: '/articles/tajikistan-mobilizes.json', contentType: 'application/json; charset=utf-8', cacheControl: PAGE_CACHE },
    ]);
    expect(files[0]!.body).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(files[1]!.body).url).toBe(`${SITE.baseUrl}/articles/tajikistan-mobilizes/`);
  });

  it('the same article renders the same bytes every time (renders are idempotent)', () => {
    const article = fixtureArticle();
    expect(articleFiles(article, SITE)).toEqual(articleFiles(structuredClone(article), SITE));
    expect(frontFiles([entry(1)], SITE)).toEqual(frontFiles([entry(1)], SITE));
  });

  it('the front page and the feeds, each with its media type', () => {
    expect(frontFiles([entry(1)], SITE).map(({ path, contentType, cacheControl }) => ({ path, contentType, cacheControl }))).toEqual([
      { path: '/index.html', contentType: 'text/html; charset=utf-8', cacheControl: PAGE_CACHE },
      { path: '/feed.xml', contentType: 'application/atom+xml; charset=utf-8', cacheControl: PAGE_CACHE },
      { path: '/feed.json', contentType: 'application/feed+json; charset=utf-8', cacheControl: PAGE_CACHE },
    ]);
  });

  it('one small stylesheet that works on a phone and needs nothing from elsewhere', () => {
    const css = styleFile();
    expect(css.path).toBe('/style.css');
    expect(css.contentType).toBe('text/css; charset=utf-8');
    expect(css.body.length).toBeLessThan(8_000);
    expect(css.body).not.toMatch(/@import|url\(/);
    expect(css.body).toMatch(/max-width: 100%/);
  });

  it('images are kept for a year everywhere', () => {
    expect(CACHE_CONTROL.media).toBe('public, max-age=31536000, immutable');
  });

  it('every response forbids scripts, sniffing and framing, and keeps referrers to the origin', () => {
    expect(SITE_SECURITY_HEADERS).toEqual({
      'Content-Security-Policy':
        "default-src 'none'; img-src 'self' https: data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(SITE_SECURITY_HEADERS['Content-Security-Policy']).not.toMatch(/script-src|unsafe/);
    expect(Object.isFrozen(SITE_SECURITY_HEADERS)).toBe(true);
  });
});
