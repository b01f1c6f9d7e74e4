import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityNameFromIdp } from './entityNameFromIdp';

/** Which claims name the person and their groups. */
export interface IdpClaimNames {
  /** Default `preferred_username`. */
  userClaim: string;
  /** Default `groups`. */
  groupsClaim: string;
}

/** Who signed in, as the identity provider says, in Backstage terms. */
export interface IdpIdentity {
  /** `user:default/<name>` */
  userEntityRef: string;
  /** `group:default/<name>` for each group of the groups claim. */
  groupEntityRefs: string[];
}

type Claims = Record<string, unknown>;

/**
 * Reads the person and their groups from the claims of the userinfo response
 * and of the ID token (userinfo first: it is what the IdP says now, and some
 * IdPs put the groups only there). Without the user claim, the local part of
 * a verified email names the person. Throws when neither is there.
 */
export function idpIdentityFromClaims(
  sources: { userinfo: Claims; idToken: Claims },
  names: IdpClaimNames,
): IdpIdentity {
  const claim = (key: string) => sources.userinfo[key] ?? sources.idToken[key];

  const userName = personName(claim(names.userClaim), {
    email: claim('email'),
    emailVerified: claim('email_verified'),
  });
  if (!userName) {
    throw new Error(
      `The identity provider sent neither a '${names.userClaim}' claim nor a verified email, so the person cannot be named; ` +
        `set userClaim of the openChoreoGroups sign-in resolver to a claim it sends`,
    );
  }

  const groupNames = groupClaimValues(claim(names.groupsClaim))
    .map(entityNameFromIdp)
    .filter((name): name is string => name !== undefined);

  return {
    userEntityRef: stringifyEntityRef({
      kind: 'User',
      namespace: 'default',
      name: userName,
    }),
    groupEntityRefs: [...new Set(groupNames)].map(name =>
      stringifyEntityRef({ kind: 'Group', namespace: 'default', name }),
    ),
  };
}

function personName(
  userClaim: unknown,
  { email, emailVerified }: { email: unknown; emailVerified: unknown },
): string | undefined {
  if (typeof userClaim === 'string' && entityNameFromIdp(userClaim)) {
    return entityNameFromIdp(userClaim);
  }
  // An unverified address could be anyone's: only a verified one names the person.
  if (typeof email === 'string' && emailVerified === true) {
    return entityNameFromIdp(email.split('@')[0]);
  }
  return undefined;
}

/** IdPs send groups as a list; some send one group as a plain string. */
function groupClaimValues(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string');
  }
  return [];
}
