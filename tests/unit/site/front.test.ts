import { describe, expect, it } from '@jest/globals';
import { frontPage, notFoundPage } from '../../../lambdas/site/index.js';
import { all, entry, first, htmlProblems, SITE } from './reader.js';

describe('the front page', () => {
  it('lists the 50 latest as given, newest first: headline linked to the article, standfirst, author and date', async () => {
    const entries = Array.from({ length: 55 }, (_, i) => entry(i + 1));
    const html = frontPage(entries, SITE);
    const headlines = all(html, 'h2');
    expect(headlines).toHaveLength(50);
    expect(headlines.slice(0, 2).map((h) => h.text)).toEqual(['Story number 1', 'Story number 2']);
    const links = all(html, 'a').filter((a) => a.attrs.href!.includes('/articles/'));
    expect(links.map((a) => a.attrs.href)).toEqual(entries.slice(0, 50).map((e) => `${SITE.baseUrl}/articles/${e.slug}/`));
    const items = all(html, 'li');
    expect(items[0]!.text).toBe('Story number 1 What happened in story 1. By Killian Jones · 5 July 2026, 08:59 UTC');
    expect(all(html, 'time')[0]!.attrs.datetime).toBe('2026-07-05T08:59:00.000Z');
    expect(first(html, 'h1').text).toBe('Latest articles');
    expect(all(html, 'link').find((l) => l.attrs.rel === 'canonical')?.attrs.href).toBe(`${SITE.baseUrl}/`);
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('says so when nothing is published', async () => {
    const html = frontPage([], SITE);
    expect(first(html, 'p', 'empty').text).toBe('No articles have been published yet.');
    expect(all(html, 'li')).toEqual([]);
    expect(await htmlProblems(html)).toEqual([]);
  });

  it('has a 404 page that leads back to it and asks not to be indexed', async () => {
    const html = notFoundPage(SITE);
    expect(first(html, 'h1').text).toBe('Not found');
    expect(all(html, 'a').map((a) => a.attrs.href)).toContain(`${SITE.baseUrl}/`);
    expect(all(html, 'meta').find((m) => m.attrs.name === 'robots')?.attrs.content).toBe('noindex');
    expect(await htmlProblems(html)).toEqual([]);
  });
});
