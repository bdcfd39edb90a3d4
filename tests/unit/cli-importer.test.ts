import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { importArticle, ImportError } from '../../cli/importer.js';
import { FIXTURES } from '../support/fixture-article.js';

const fixture = readFileSync(`${FIXTURES}tajikistan-border.txt`);
const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const crlf = (b: Buffer) => Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n'), 'utf8');

describe('importing the fixture article, saved from a web page', () => {
  const variants: [string, Buffer][] = [
    ['as saved (UTF-8, LF)', fixture],
    ['with a byte-order mark', Buffer.concat([BOM, fixture])],
    ['with CRLF line ends', crlf(fixture)],
    ['with a byte-order mark and CRLF', Buffer.concat([BOM, crlf(fixture)])],
  ];
  it.each(variants)('%s: headline, standfirst, body with its subheading, furniture left out', (_, bytes) => {
    const { article, format, leftOut } = importArticle(bytes, 'tajikistan-border.txt');
    expect(format).toBe('text');
    expect(article.headline).toBe('Border with Afghanistan – Tajikistan mobilizes 20,000 troops');
    expect(article.standfirst).toBe(
      'The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.',
    );
    expect(article.body.startsWith('The Central Asian Republic of Tajikistan')).toBe(true);
    expect(article.body.endsWith('announced a counter-offensive.')).toBe(true);
    expect(article.body).toContain('\n\n## Taliban promise peace plan and talks\n\n');
    expect(article.body.match(/^## /gm)).toHaveLength(1);
    expect(article.body).not.toMatch(/\r|\uFEFF|Share to friends|Killian|Rate author|Add a comment/);
    expect(article.tags).toBeUndefined();
    expect(leftOut.join('\n')).toMatch(/Share to friends/);
    expect(leftOut.join('\n')).toMatch(/Author: Killian Jones/);
    expect(leftOut.join('\n')).toMatch(/Function: Chief-Editor/);
    expect(leftOut.join('\n')).toMatch(/Rate author/);
    expect(leftOut.join('\n')).toMatch(/Add a comment/);
  });
});

describe('Markdown', () => {
  const withFrontMatter = [
    '---',
    'headline: "Border talks resume: delegations meet"',
    'standfirst: Both sides sit down again on Thursday.',
    'tags: [tajikistan, afghanistan]',
    '---',
    '',
    'Delegations meet again on **Thursday**.',
    '',
    '## What is on the table',
    '',
    'A written peace plan.',
    '',
  ].join('\n');

  it.each([
    ['LF', utf8(withFrontMatter)],
    ['BOM and CRLF', Buffer.concat([BOM, Buffer.from(withFrontMatter.replace(/\n/g, '\r\n'))])],
  ])('with YAML front matter (%s): the rest is the body', (_, bytes) => {
    expect(importArticle(bytes, 'talks.md')).toEqual({
      format: 'markdown-front-matter',
      leftOut: [],
      article: {
        headline: 'Border talks resume: delegations meet',
        standfirst: 'Both sides sit down again on Thursday.',
        tags: ['tajikistan', 'afghanistan'],
        body: 'Delegations meet again on **Thursday**.\n\n## What is on the table\n\nA written peace plan.',
      },
    });
  });

  it('without front matter: the first # heading, then the first paragraph as standfirst', () => {
    const md = '# Border talks resume\n\nBoth sides sit down again\non Thursday.\n\nDelegations meet.\n\n## Next\n\nMore.\n';
    for (const bytes of [utf8(md), Buffer.concat([BOM, Buffer.from(md.replace(/\n/g, '\r\n'))])]) {
      expect(importArticle(bytes, 'talks.md')).toEqual({
        format: 'markdown',
        leftOut: [],
        article: {
          headline: 'Border talks resume',
          standfirst: 'Both sides sit down again on Thursday.',
          body: 'Delegations meet.\n\n## Next\n\nMore.',
        },
      });
    }
  });

  it('says which front matter keys it does not read', () => {
    const md = '---\nheadline: Talks\nauthor: rita\n---\nBody.\n';
    expect(importArticle(utf8(md), 'a.md').leftOut).toEqual([
      'the front matter key "author" (only headline, standfirst and tags are read)',
    ]);
  });
});

describe('files the API would refuse are refused before any request, naming the file and the problem', () => {
  const refused = (bytes: Uint8Array, name = 'story.txt') => {
    try {
      importArticle(bytes, name);
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      return (err as Error).message;
    }
    throw new Error('imported');
  };

  it('is not valid UTF-8 (Latin-1), saying where', () => {
    expect(refused(Buffer.from('Headline\n\nStandfirst\n\nCaf\xe9 au lait.\n', 'latin1'))).toBe(
      'story.txt: not valid UTF-8 (line 5, byte 26). Save it as UTF-8 text and try again.',
    );
  });

  it('is too long for the API', () => {
    expect(refused(utf8(`${'H'.repeat(301)}\n\nStandfirst.\n\nBody.`))).toBe(
      'story.txt: the headline is at most 300 characters (got 301).',
    );
    expect(refused(utf8(`Headline\n\nStandfirst.\n\n${'x'.repeat(200_001)}`))).toBe(
      'story.txt: the body is at most 200000 characters (got 200001).',
    );
    expect(refused(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61))).toMatch(/^story.txt: the file is 2.0 MiB, more than the 2.0 MiB/);
  });

  it('has no body, holds a control character, or is empty', () => {
    expect(refused(utf8('Just a headline\n'))).toBe('story.txt: it has no body.');
    expect(refused(utf8('Headline\n\nStand\u0007first\n\nBody.'))).toBe(
      'story.txt: line 3 holds a control character (U+0007), which the API refuses.',
    );
    expect(refused(Buffer.concat([BOM, Buffer.from('\r\n \r\n')]))).toBe('story.txt: the file is empty.');
  });

  it('has front matter that is not closed, not YAML, or has no headline', () => {
    expect(refused(utf8('---\nheadline: x\nBody'), 'a.md')).toMatch(/^a.md: the front matter that opens with --- is never closed/);
    expect(refused(utf8('---\nheadline: [x\n---\nBody'), 'a.md')).toMatch(/^a.md: the front matter is not valid YAML/);
    expect(refused(utf8('---\nstandfirst: x\n---\nBody'), 'a.md')).toBe('a.md: the front matter has no headline.');
  });
});

describe('a short story', () => {
  it('takes a lone paragraph after the headline as the body, not the standfirst', () => {
    expect(importArticle(utf8('# Talks\n\nThey meet.\n'), 'a.md').article).toEqual({
      headline: 'Talks',
      standfirst: '',
      body: 'They meet.',
    });
    expect(importArticle(utf8('Talks\n\nThey meet.\n\nShare to friends\n'), 'a.txt')).toEqual({
      format: 'text',
      leftOut: ['page furniture: "Share to friends"'],
      article: { headline: 'Talks', standfirst: '', body: 'They meet.' },
    });
  });
});
