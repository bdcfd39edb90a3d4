// CloudFront Function (cloudfront-js-2.0), viewer response, on every response of the public site.
// CloudFront runs viewer-response functions only for answers below 400 (a missing object's 403
// is turned into 404 by the distribution's custom error response instead).
// - A killed article's page and JSON are an empty marker object with the metadata
//   x-amz-meta-newsroom-gone: 1. Readers get 410 Gone with no body and nothing to revalidate.
// - No x-amz-* header of the bucket (object metadata, encryption, request ids) reaches readers.
function handler(event) {
  var response = event.response;
  var headers = response.headers;
  var gone = headers['x-amz-meta-newsroom-gone'] && headers['x-amz-meta-newsroom-gone'].value === '1';
  for (var name in headers) {
    if (name.indexOf('x-amz-') === 0) delete headers[name];
  }
  if (gone) {
    response.statusCode = 410;
    response.statusDescription = 'Gone';
    response.body = { data: '', encoding: 'text' };
    delete headers['content-type'];
    delete headers['etag'];
    delete headers['last-modified'];
    delete headers['accept-ranges'];
  }
  return response;
}
