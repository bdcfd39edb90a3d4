import { readFileSync } from 'node:fs';

export const FIXTURES = new URL('../fixtures/articles/', import.meta.url).pathname;

/**
 * Reads an article as reporters file it: the headline on the first line (often repeated),
 * the standfirst as the first paragraph, then the body up to the page furniture
 * ("Share to friends", the author box).
 */
export function parseFiledArticle(text: string) {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const headline = paragraphs.shift()!;
  if (paragraphs[0] === headline) paragraphs.shift();
  const standfirst = paragraphs.shift() ?? '';
  const end = paragraphs.findIndex((p) => /^(Share to friends|Author:)/.test(p));
  const body = (end === -1 ? paragraphs : paragraphs.slice(0, end)).join('\n\n');
  const author = /^Author:\s*(.+)$/m.exec(text)?.[1]?.trim();
  return { headline, standfirst, body, author };
}

export const readFixture = (name: string) => parseFiledArticle(readFileSync(`${FIXTURES}${name}`, 'utf8'));
