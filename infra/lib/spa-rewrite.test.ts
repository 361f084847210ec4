import { describe, expect, it } from 'vitest';
import { spaRewriteSource } from './spa-rewrite.ts';

interface ViewerRequest { uri: string; headers: Record<string, { value: string }> }

// The function's source runs here as CloudFront runs it: a global `handler(event)`.
const handler = new Function(`${spaRewriteSource}; return handler;`)() as
  (event: { request: ViewerRequest }) => ViewerRequest;
const rewrite = (uri: string, accept?: string) =>
  handler({ request: { uri, headers: accept ? { accept: { value: accept } } : {} } }).uri;
const pageLoad = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the SPA rewrite function', () => {
  it.each(['/', '/programaciones', '/alertas/42', '/entrar'])(
    'serves index.html for %s', (uri) => {
      expect(rewrite(uri)).toBe('/index.html');
    });

  it('serves index.html for a page load of a card route with a dot such as /guias/4.1', () => {
    expect(rewrite('/guias/4.1', pageLoad)).toBe('/index.html');
  });

  it.each(['/sw.js', '/manifest.webmanifest', '/assets/index-abc123.js', '/icons/icon-192.png'])(
    'leaves the file %s alone', (uri) => {
      expect(rewrite(uri, '*/*')).toBe(uri);
    });

  it('never rewrites an API path', () => {
    expect(rewrite('/api/status', pageLoad)).toBe('/api/status');
  });
});
