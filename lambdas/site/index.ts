/** The public site's rendering: pure functions from plain data to files. No AWS, no store. */
export type { SiteArticle, SiteAuthor, SiteContext, SiteCorrection, SiteEntry, SiteFile, SiteMedia } from './model.js';
export { markdownToHtml } from './markdown.js';
export { articleJsonLd, articlePage } from './page.js';
export { publicArticleJson, type PublicArticle } from './public-json.js';
export { FRONT_PAGE_SIZE, frontPage, notFoundPage } from './front.js';
export { atomFeed, jsonFeed } from './feeds.js';
export { articleFiles, CACHE_CONTROL, CONTENT_TYPES, frontFiles, SITE_SECURITY_HEADERS, siteChromeFiles, styleFile } from './files.js';
export { articlePaths, articleUrl, articleJsonUrl, FRONT_PATHS, mediaUrl, NOT_FOUND_PATH, STYLE_PATH } from './urls.js';
