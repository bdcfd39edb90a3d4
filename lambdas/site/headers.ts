/**
 * The site's response headers and caching, as the rendering declares them in `lambdas/site/files.ts`
 * (same names, same values): the S3 adapter and the CDK construct read them from here until they
 * import them from there.
 */

/** The headers every response of the site carries, locally and from CloudFront's response headers policy. */
export const SITE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' https: data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
});

/**
 * Pages, JSON and feeds: the CDN keeps them until an invalidation (a year at most), browsers
 * revalidate every time. Images never change at their path: everyone keeps them for a year.
 */
export const CACHE_CONTROL = {
  page: 'public, max-age=0, s-maxage=31536000, must-revalidate',
  media: 'public, max-age=31536000, immutable',
} as const;
