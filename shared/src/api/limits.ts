/**
 * The largest request body `/api` reads, in bytes; a larger one answers 413 `body_too_large`.
 * The PWA sizes what it sends to fit (a pasted error longer than this is cut to its ends).
 */
export const maxRequestBytes = 64 * 1024;
