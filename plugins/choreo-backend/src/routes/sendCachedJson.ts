import { Request, Response } from 'express';
import { CachedJson } from '../service/ReadModelCache';

/** Sends a cached read model; 304 when the client already has this version. */
export function sendCachedJson(
  req: Request,
  res: Response,
  cached: CachedJson,
) {
  // set first, so express does not hash the body again for its own ETag
  res.set('ETag', cached.etag);
  res.set('Cache-Control', 'no-cache');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type('json').send(cached.body);
}
