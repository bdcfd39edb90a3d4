/**
 * The security headers every response of the public site carries: locally from the site server,
 * in AWS from the CloudFront distribution's response headers policy (lib/site.ts reads this
 * record, so both answer the same). The site runs no script at all: the policy allows none.
 * Browsers ignore HSTS over plain HTTP, so the local site may send it or leave it out.
 */
export const SITE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Frame-Options': 'DENY',
};

/**
 * How long each kind of site file may be kept. Pages, JSON and feeds: the CDN keeps them until
 * an invalidation (a year at most), browsers revalidate every time (ETag / Last-Modified answer
 * 304). Images: their paths never change content, so everyone keeps them for a year.
 */
export const SITE_CACHE_CONTROL = {
  page: 'public, max-age=0, must-revalidate, s-maxage=31536000',
  media: 'public, max-age=31536000, immutable',
} as const;

/** The object metadata (`x-amz-meta-newsroom-gone`) of the marker that the CDN answers 410 Gone. */
export const GONE_METADATA = { 'newsroom-gone': '1' } as const;
