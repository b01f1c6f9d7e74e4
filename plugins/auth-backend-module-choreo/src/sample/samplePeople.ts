import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  isGroupEntity,
  isUserEntity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** One person the sign-in page offers, as it shows them. */
export interface SamplePersonSummary {
  userEntityRef: string;
  displayName: string;
  /** What they may do, one line (the User entity's description). */
  description?: string;
  teams: Array<{ entityRef: string; displayName: string }>;
}

/**
 * The sample's people with their name, what they may do and their teams,
 * from the catalog, in config order. People not (yet) in the catalog are
 * left out: picking them could not sign in.
 */
export async function readSamplePeople(
  people: string[],
  deps: { catalog: CatalogService; auth: AuthService },
): Promise<SamplePersonSummary[]> {
  const credentials = await deps.auth.getOwnServiceCredentials();
  const { items: users } = await deps.catalog.getEntitiesByRefs(
    { entityRefs: people },
    { credentials },
  );
  const found = users.filter(
    (entity): entity is Entity => entity !== undefined && isUserEntity(entity),
  );

  const teamRefs = [...new Set(found.flatMap(memberOf))];
  const { items: groups } = teamRefs.length
    ? await deps.catalog.getEntitiesByRefs(
        { entityRefs: teamRefs },
        { credentials },
      )
    : { items: [] };
  const teamNames = new Map(
    teamRefs.map((ref, index) => [ref, displayNameOf(groups[index]) ?? ref]),
  );

  return found.map(user => ({
    userEntityRef: refOf(user),
    displayName: displayNameOf(user) ?? user.metadata.name,
    ...(user.metadata.description
      ? { description: user.metadata.description }
      : {}),
    teams: memberOf(user).map(entityRef => ({
      entityRef,
      displayName: teamNames.get(entityRef) ?? entityRef,
    })),
  }));
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

// The org file lists members on the groups; the catalog turns that into
// memberOf relations on the users.
function memberOf(user: Entity): string[] {
  return (user.relations ?? [])
    .filter(r => r.type === RELATION_MEMBER_OF)
    .map(r => r.targetRef);
}

function displayNameOf(entity: Entity | undefined): string | undefined {
  if (!entity) {
    return undefined;
  }
  if (isUserEntity(entity) || isGroupEntity(entity)) {
    return entity.spec.profile?.displayName ?? entity.metadata.title;
  }
  return entity.metadata.title;
}
