import express from 'express';
import Router from 'express-promise-router';
import { NotAllowedError } from '@backstage/errors';
import { SamplePersonSummary } from './samplePeople';
import { SampleSignInConfig, sampleSignInRefusal } from './sampleSignInConfig';

/** Where the sign-in page reads whom it may offer, under /api/auth. */
export const SAMPLE_PEOPLE_PATH = '/sample/people';

/**
 * `GET /api/auth/sample/people`: the people of `auth.providers.sample`, for
 * the sign-in page, which has no token yet (hence unauthenticated). Refused
 * outside development like the sign-in itself.
 */
export function createSamplePeopleRouter(options: {
  config: SampleSignInConfig;
  readPeople(): Promise<SamplePersonSummary[]>;
}): express.Router {
  const router = Router();
  router.get(SAMPLE_PEOPLE_PATH, async (_req, res) => {
    if (!options.config.enabled) {
      throw new NotAllowedError(sampleSignInRefusal(options.config.nodeEnv));
    }
    res.json({ people: await options.readPeople() });
  });
  return router;
}
