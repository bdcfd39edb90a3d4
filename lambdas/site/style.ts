/**
 * The site's one stylesheet, served at `/style.css` (the CSP allows styles from the site itself
 * only, so there is no inline style anywhere). System fonts, a readable measure, and nothing that
 * needs JavaScript; light and dark follow the reader's setting.
 */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --ink: #1a1a1a;
  --muted: #5c5c5c;
  --paper: #fdfcf8;
  --rule: #dcd8cc;
  --accent: #9b1c1c;
  --note: #fff6df;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #ecebe6;
    --muted: #a9a69d;
    --paper: #15161a;
    --rule: #3a3b40;
    --accent: #f08a7e;
    --note: #2a2618;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font: 1.125rem/1.65 Georgia, "Iowan Old Style", "Palatino Linotype", serif;
  overflow-wrap: break-word;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.masthead, main, .colophon { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
.masthead { border-bottom: 3px double var(--rule); padding-top: 1rem; padding-bottom: 0.75rem; }
.masthead a {
  color: var(--ink);
  font: 700 1.5rem/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-decoration: none;
  letter-spacing: -0.01em;
}
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.2; }
h1 { font-size: clamp(1.8rem, 5vw + 0.5rem, 2.6rem); margin: 1.5rem 0 0.75rem; letter-spacing: -0.02em; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
.standfirst { font-size: 1.25rem; line-height: 1.5; color: var(--muted); margin: 0 0 1rem; }
.meta, .tags, figcaption, .colophon, .stories .meta {
  font: 0.9rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--muted);
}
.meta { margin: 0 0 1.5rem; }
figure { margin: 1.5rem 0; }
img { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 0.4rem; }
.credit { font-style: italic; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
pre, code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
pre { overflow-x: auto; }
.corrections { background: var(--note); border-left: 4px solid var(--accent); padding: 0.25rem 1rem; margin: 2rem 0; }
.corrections h2 { font-size: 1.05rem; margin: 0.75rem 0 0.25rem; }
.corrections ul { list-style: none; padding: 0; margin: 0 0 0.75rem; }
.corrections li { margin: 0.5rem 0; }
.tags { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 1.5rem 0; }
.tags li { border: 1px solid var(--rule); border-radius: 999px; padding: 0 0.6rem; }
.author { border-top: 1px solid var(--rule); margin: 2rem 0; padding-top: 1rem; }
.author h2 { font-size: 1rem; margin: 0 0 0.5rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.author p { margin: 0.25rem 0; }
.stories { list-style: none; padding: 0; margin: 1rem 0; }
.stories li { border-bottom: 1px solid var(--rule); padding: 1rem 0; }
.stories h2 { margin: 0 0 0.35rem; font-size: 1.3rem; }
.stories h2 a { color: var(--ink); text-decoration: none; }
.stories h2 a:hover, .stories h2 a:focus-visible { text-decoration: underline; }
.stories p { margin: 0.25rem 0; }
.colophon { border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; }
`;
