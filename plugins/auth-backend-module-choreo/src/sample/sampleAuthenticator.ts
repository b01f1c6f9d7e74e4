import { InputError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';
import {
  normalisedUserRef,
  readSampleSignInConfig,
  SAMPLE_PERSON_HEADER,
  sampleSignInRefusal,
} from './sampleSignInConfig';

/** The person picked on the sign-in page. */
export interface SamplePerson {
  userEntityRef: string;
}

/**
 * Proxy authenticator of the `sample` provider: the person comes from the
 * `x-choreo-sample-user` header the sign-in page sends, and must be one of
 * `auth.providers.sample.people`. Refused outside development.
 */
export const sampleAuthenticator = createProxyAuthenticator({
  // The display name comes from the catalog (sampleProfileTransform).
  async defaultProfileTransform() {
    return { profile: {} };
  },
  initialize({ config }) {
    return readSampleSignInConfig(config);
  },
  async authenticate({ req }, { enabled, nodeEnv, people }) {
    if (!enabled) {
      throw new NotAllowedError(sampleSignInRefusal(nodeEnv));
    }
    // Proxy providers get no check of their own against cross-site requests
    // (OAuth handlers do): a form or image on another site cannot set this.
    if (req.header('x-requested-with') !== 'XMLHttpRequest') {
      throw new NotAllowedError(
        'Sample sign-in needs the header X-Requested-With: XMLHttpRequest',
      );
    }
    const picked = req.header(SAMPLE_PERSON_HEADER);
    if (!picked) {
      throw new InputError(
        `Sample sign-in needs the header ${SAMPLE_PERSON_HEADER}: the user entity ref of the person to sign in as`,
      );
    }
    let userEntityRef: string;
    try {
      userEntityRef = normalisedUserRef(picked);
    } catch {
      throw new InputError(
        `${SAMPLE_PERSON_HEADER} '${picked}' is not a user entity ref (user:default/<name>)`,
      );
    }
    if (!people.includes(userEntityRef)) {
      throw new NotAllowedError(
        `${userEntityRef} is not one of the sample's people; auth.providers.sample.people lists ${
          people.join(', ') || 'nobody'
        }`,
      );
    }
    return { result: { userEntityRef } };
  },
});
