import { describe, expect, it } from '@jest/globals';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { atomFeed, jsonFeed } from '../../../lambdas/site/index.js';
import { entry, SITE, xmlError } from './reader.js';

/** RFC 3339 date-time with its offset (`Z` or ±hh:mm), as Atom requires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const url = (slug: string) => `${SITE.baseUrl}/articles/${slug}/`;

describe('the Atom feed, read by a feed parser', () => {
  const entries = Array.from({ length: 60 }, (_, i) => entry(i + 1));
  const xml = atomFeed(entries, SITE);
  const feed = parseAtomFeed(xml);

  it('is well-formed XML', () => {
    expect(xmlError(xml)).toBeUndefined();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
  });

  it('has an id, a title, a self link and an updated time with an offset', () => {
    expect(feed.id).toBe(`${SITE.baseUrl}/`);
    expect(feed.title?.value).toBe('The Newsroom');
    expect(feed.updated).toBe(entries[0]!.updatedAt);
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.links).toEqual(
      expect.arrayContaining([
        { rel: 'self', type: 'application/atom+xml', href: `${SITE.baseUrl}/feed.xml` },
        { rel: 'alternate', type: 'text/html', href: `${SITE.baseUrl}/` },
      ]),
    );
  });

  it('lists the 50 latest, newest first, each with id, title, link, dates, author and summary', () => {
    expect(feed.entries).toHaveLength(50);
    expect(feed.entries![0]).toEqual({
      id: url('story-1'),
      title: { value: 'Story number 1', type: 'text' },
      links: [{ rel: 'alternate', type: 'text/html', href: url('story-1') }],
      published: entries[0]!.publishedAt,
      updated: entries[0]!.updatedAt,
      authors: [{ name: 'Killian Jones' }],
      summary: { value: 'What happened in story 1.', type: 'text' },
    });
    expect(feed.entries!.map((e) => e.id)).toEqual(entries.slice(0, 50).map((e) => url(e.slug)));
    for (const e of feed.entries!) {
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
    }
  });

  it('shows a change by a correction as the entry’s and the feed’s new updated time', () => {
    const corrected = [entry(1, { updatedAt: '2026-07-07T12:00:00.000Z' }), entry(2)];
    const parsed = parseAtomFeed(atomFeed(corrected, SITE));
    expect(parsed.entries![0]!.updated).toBe('2026-07-07T12:00:00.000Z');
    expect(parsed.updated).toBe('2026-07-07T12:00:00.000Z');
  });

  it('writes times with an offset even when given another form of the same instant', () => {
    const parsed = parseAtomFeed(
      atomFeed([entry(1, { publishedAt: '2026-07-05T11:30:00+02:00', updatedAt: '2026-07-05T11:30:00+02:00' })], SITE),
    );
    expect(parsed.entries![0]!.published).toBe('2026-07-05T09:30:00.000Z');
  });

  it('stays readable when a control character is pasted into a headline', () => {
    const pasted = [
      entry(1, { headline: 'Border\u0000 talks\u001b resume\u000b\ufffe\ud800 & more <today>', standfirst: 'Tabs\tstay.\u0008' }),
    ];
    const xml = atomFeed(pasted, SITE);
    expect(xmlError(xml)).toBeUndefined();
    const parsed = parseAtomFeed(xml);
    expect(parsed.entries![0]!.title!.value).toBe('Border talks resume & more <today>');
    expect(parsed.entries![0]!.summary!.value).toBe('Tabs\tstay.');
  });

  it('is a valid feed with no entry when nothing is published', () => {
    const empty = atomFeed([], SITE);
    expect(xmlError(empty)).toBeUndefined();
    const parsed = parseAtomFeed(empty);
    expect(parsed.id).toBe(`${SITE.baseUrl}/`);
    expect(parsed.updated).toMatch(RFC3339);
    expect(parsed.entries ?? []).toEqual([]);
  });
});

describe('the JSON Feed 1.1, read by a feed parser', () => {
  const entries = Array.from({ length: 60 }, (_, i) => entry(i + 1));
  const text = jsonFeed(entries, SITE);
  const feed = parseJsonFeed(JSON.parse(text));

  it('is JSON Feed 1.1 with its home and feed URLs', () => {
    expect(JSON.parse(text).version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('The Newsroom');
    expect(feed.home_page_url).toBe(`${SITE.baseUrl}/`);
    expect(feed.feed_url).toBe(`${SITE.baseUrl}/feed.json`);
  });

  it('lists the 50 latest, newest first, each with id, title, url, dates, author and summary', () => {
    expect(feed.items!).toHaveLength(50);
    expect(feed.items![0]).toEqual({
      id: url('story-1'),
      url: url('story-1'),
      title: 'Story number 1',
      summary: 'What happened in story 1.',
      content_text: 'What happened in story 1.',
      date_published: entries[0]!.publishedAt,
      date_modified: entries[0]!.updatedAt,
      authors: [{ name: 'Killian Jones' }],
    });
    expect(feed.items!.map((i) => i.id)).toEqual(entries.slice(0, 50).map((e) => url(e.slug)));
    for (const i of feed.items!) expect(i.date_modified).toMatch(RFC3339);
  });

  it('carries no control character pasted into a headline', () => {
    const parsed = JSON.parse(jsonFeed([entry(1, { headline: 'A\u0000B\u0085C\uffffD' })], SITE));
    expect(parsed.items[0].title).toBe('ABCD');
  });
});
