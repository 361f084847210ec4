/**
 * CloudFront Function (viewer request, JS runtime 2.0) for the PWA's client-side router: a
 * page load (a path without an extension, or a request asking for HTML, since card routes
 * such as /guias/4.1 have a dot) gets index.html, as the local server does (web-static.ts).
 * It runs on the default behaviour only, so /api/* errors reach the PWA untouched.
 */
export const spaRewriteSource = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  var accept = request.headers.accept ? request.headers.accept.value : '';
  var page = last.indexOf('.') === -1 || accept.indexOf('text/html') !== -1;
  if (page && request.uri.indexOf('/api/') !== 0) request.uri = '/index.html';
  return request;
}`;
