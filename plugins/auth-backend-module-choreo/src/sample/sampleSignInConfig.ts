import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The request header that names the person picked on the sign-in page. */
export const SAMPLE_PERSON_HEADER = 'x-choreo-sample-user';

/** What `auth.providers.sample` says, read once at start. */
export interface SampleSignInConfig {
  /** Whether this backend may sign anyone in this way (development only). */
  enabled: boolean;
  /** NODE_ENV the backend started with, to say why sign-in is refused. */
  nodeEnv: string | undefined;
  /** The people one may sign in as, as normalised user entity refs, in config order. */
  people: string[];
}

/**
 * Reads `auth.providers.sample`. Sample sign-in lets anyone be anyone, so it
 * is on only when the backend runs in development (`NODE_ENV=development`,
 * as `yarn start` runs it).
 */
export function readSampleSignInConfig(
  config: Config,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): SampleSignInConfig {
  const people = (config.getOptionalStringArray('people') ?? []).map(
    (ref, index) => {
      try {
        return normalisedUserRef(ref);
      } catch (error) {
        throw new InputError(
          `auth.providers.sample.people[${index}] '${ref}' is not a user entity ref (user:default/<name>)`,
        );
      }
    },
  );
  return { enabled: nodeEnv === 'development', nodeEnv, people };
}

/** `paula.payments` and `User:default/paula.payments` both become `user:default/paula.payments`. */
export function normalisedUserRef(ref: string): string {
  const parsed = parseEntityRef(ref.trim(), {
    defaultKind: 'user',
    defaultNamespace: 'default',
  });
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'user') {
    throw new InputError(`'${ref}' is not a user entity ref`);
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/** Why sample sign-in is refused here, and what to configure instead. */
export function sampleSignInRefusal(nodeEnv: string | undefined): string {
  return (
    `Sample sign-in (auth.providers.sample) is for development only, and this backend runs with NODE_ENV=${
      nodeEnv ?? '(unset)'
    }: anyone could sign in as anyone. ` +
    `Configure sign-in with your identity provider instead: auth.providers.oidc with the openChoreoGroups ` +
    `sign-in resolver (see the "Sign-in" section of the README).`
  );
}
