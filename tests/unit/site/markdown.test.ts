import { describe, expect, it } from '@jest/globals';
import { markdownToHtml } from '../../../lambdas/site/index.js';
import { elements } from './reader.js';

const tags = (html: string) => elements(html).filter((e) => !['html', 'head', 'body'].includes(e.tag));

describe('article bodies in Markdown', () => {
  it('render plain paragraphs as they are', () => {
    expect(markdownToHtml('First paragraph,\nstill the first.\n\nSecond paragraph.')).toBe(
      '<p>First paragraph,\nstill the first.</p>\n<p>Second paragraph.</p>\n',
    );
  });

  it('make ## and ### subheadings, and a # a subheading too (the headline is the page’s h1)', () => {
    const html = markdownToHtml('# Top\n\n## Taliban promise peace plan and talks\n\n### Detail\n\nText');
    expect(tags(html).map((e) => [e.tag, e.text])).toEqual([
      ['h2', 'Top'],
      ['h2', 'Taliban promise peace plan and talks'],
      ['h3', 'Detail'],
      ['p', 'Text'],
    ]);
  });

  it('render emphasis, lists and block quotes', () => {
    const html = markdownToHtml('*Sure*, **very**.\n\n- one\n- two\n\n1. first\n2. second\n\n> “A quote,” he said.');
    expect(tags(html).map((e) => [e.tag, e.text])).toEqual([
      ['p', 'Sure, very.'],
      ['em', 'Sure'],
      ['strong', 'very'],
      ['ul', 'one two'],
      ['li', 'one'],
      ['li', 'two'],
      ['ol', 'first second'],
      ['li', 'first'],
      ['li', 'second'],
      ['blockquote', '“A quote,” he said.'],
      ['p', '“A quote,” he said.'],
    ]);
  });

  it('make links of http, https and mailto addresses', () => {
    const html = markdownToHtml(
      '[Reuters](https://www.reuters.com/world/) [plain](http://example.com/a?b=1&c=2) [desk](mailto:desk@example.com) <https://auto.example/>',
    );
    expect(
      tags(html)
        .filter((e) => e.tag === 'a')
        .map((a) => [a.text, a.attrs]),
    ).toEqual([
      ['Reuters', { href: 'https://www.reuters.com/world/' }],
      ['plain', { href: 'http://example.com/a?b=1&c=2' }],
      ['desk', { href: 'mailto:desk@example.com' }],
      ['https://auto.example/', { href: 'https://auto.example/' }],
    ]);
  });

  it('leave javascript:, data:, vbscript: and relative links as the text that was written', () => {
    const written: [source: string, seen: string][] = [
      ['[a](javascript:alert(1))', '[a](javascript:alert(1))'],
      ['[b](JAVASCRIPT:alert(1))', '[b](JAVASCRIPT:alert(1))'],
      ['[c](java\tscript:alert(1))', '[c](java script:alert(1))'],
      ['[d](data:text/html;base64,PHNjcmlwdD4=)', '[d](data:text/html;base64,PHNjcmlwdD4=)'],
      ['[e](vbscript:msgbox)', '[e](vbscript:msgbox)'],
      ['[f](/articles/other/)', '[f](/articles/other/)'],
      ['<javascript:alert(2)>', '<javascript:alert(2)>'],
      ['[g][ref]\n\n[ref]: javascript:alert(3)', '[g][ref]'],
    ];
    for (const [source, seen] of written) {
      const html = markdownToHtml(source);
      expect(tags(html).filter((e) => e.tag === 'a')).toEqual([]);
      expect(tags(html)[0]!.text).toBe(seen);
    }
  });

  it('show raw HTML as text, never as markup', () => {
    const html = markdownToHtml('<div onclick="x()">Hi</div>\n\nInline <b>bold</b> and <script>alert(1)</script>');
    expect(tags(html).map((e) => e.tag)).toEqual(['p', 'p']);
    expect(tags(html).map((e) => e.text)).toEqual(['<div onclick="x()">Hi</div>', 'Inline <b>bold</b> and <script>alert(1)</script>']);
  });

  it('show no images from the body (only the article’s verified media appear on the page)', () => {
    const html = markdownToHtml('![tracker](https://tracker.example/pixel.gif)');
    expect(tags(html).filter((e) => e.tag === 'img')).toEqual([]);
  });

  it('drop control characters pasted into the text', () => {
    expect(markdownToHtml('Bad\u0000 \u0007char\u0085s\uffff\ud800.')).toBe('<p>Bad chars.</p>\n');
  });
});
