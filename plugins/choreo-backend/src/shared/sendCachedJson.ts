import { Request, Response } from 'express';
import { CachedJson } from './ReadModelCache';

/**
 * Sends a cached read model, gzipped from the cache when the client accepts
 * it (the root router's compression middleware leaves encoded bodies
 * alone, so large bodies are not compressed again per request); 304 when the
 * client already has this version.
 */
export function sendCachedJson(
  req: Request,
  res: Response,
  cached: CachedJson,
) {
  const gzip =
    req.acceptsEncodings('gzip', 'identity') === 'gzip'
      ? cached.gzip()
      : undefined;
  const variant = gzip ?? cached;
  res.vary('Accept-Encoding');
  // set first, so express does not hash the body again for its own ETag
  res.set('ETag', variant.etag);
  res.set('Cache-Control', 'no-cache');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  if (gzip) res.set('Content-Encoding', 'gzip');
  res.type('json').send(variant.body);
}
