import MarkdownIt from 'markdown-it';
import { clean } from './text.js';

/**
 * Article bodies are CommonMark, rendered by markdown-it's strict `commonmark` preset (no tables,
 * no typographer, nothing beyond the spec):
 * - `html: false`: raw HTML in a body is shown as text, never interpreted;
 * - `linkify: false`: only what the author marked as a link is one;
 * - links (and autolinks) must be http, https or mailto: anything else (`javascript:`, `data:`,
 *   `vbscript:`, relative paths) is not made a link, and its source stays visible as text;
 * - no images from the body: a page shows only the article's verified media, with caption and
 *   credit; an image in the body would load from anywhere and tell that server who reads what.
 *   `![alt](https://…)` therefore reads as "!" and a link to the picture;
 * - `#` becomes `<h2>`: the page's only `<h1>` is the headline.
 *
 * Links carry no `rel="nofollow"` and no `target`: bodies are written and reviewed by the newsroom
 * itself, so their links are editorial (vouched for, unlike comments or paid links, where
 * `nofollow`/`ugc` belong), and they open in the same tab, so there is no `window.opener` to cut
 * off with `noopener`. The site's `Referrer-Policy` (strict-origin-when-cross-origin) already tells
 * linked sites no more than the site's origin.
 */
const ALLOWED_LINK = /^(?:https?:\/\/|mailto:)/i;

const md = /* @__PURE__ */ (() => {
  const it = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
  it.disable('image');
  // Called with the normalised (percent-encoded) URL, so white space or control characters
  // cannot hide a scheme from this test.
  it.validateLink = (url: string) => ALLOWED_LINK.test(url);
  it.core.ruler.push('site_rules', (state) => {
    for (const token of state.tokens) {
      if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1') token.tag = 'h2';
      // `[text]()` is a link with an empty href that validateLink never sees: keep its text only.
      if (token.type === 'inline' && token.children) {
        let dropClose = false;
        token.children = token.children.filter((child) => {
          if (child.type === 'link_open' && !ALLOWED_LINK.test(String(child.attrGet('href') ?? ''))) return !(dropClose = true);
          if (child.type === 'link_close' && dropClose) return (dropClose = false);
          return true;
        });
      }
    }
  });
  return it;
})();

/** The body's HTML: a fragment of block elements, escaped and free of control characters. */
export const markdownToHtml = (body: string): string => md.render(clean(body));
