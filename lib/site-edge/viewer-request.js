// CloudFront Function (cloudfront-js-2.0), viewer request, on every request to the public site.
// CloudFront serves a default index.html only at the root: a directory path is rewritten to the
// index.html inside it, and an article's path without its trailing slash is redirected to it, so
// each page has one URL (and one cache entry to invalidate).
var ARTICLE_WITHOUT_SLASH = /^\/articles\/[^/.]+$/;

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  if (ARTICLE_WITHOUT_SLASH.test(uri)) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' }, 'cache-control': { value: 'public, max-age=86400' } },
    };
  }
  return request;
}
