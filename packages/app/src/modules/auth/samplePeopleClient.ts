import { DiscoveryApi } from '@backstage/frontend-plugin-api';

/** A person of the sample organization, as the backend describes them. */
export interface SamplePerson {
  userEntityRef: string;
  displayName: string;
  /** What they may do. */
  description?: string;
  teams: Array<{ entityRef: string; displayName: string }>;
}

/** The header that names the picked person to the backend's `sample` provider. */
export const SAMPLE_PERSON_HEADER = 'x-choreo-sample-user';

/**
 * The people one may sign in as (GET /api/auth/sample/people). Plain fetch:
 * nobody is signed in yet, so there is no token to send.
 */
export async function fetchSamplePeople(
  discoveryApi: DiscoveryApi,
): Promise<SamplePerson[]> {
  const url = `${await discoveryApi.getBaseUrl('auth')}/sample/people`;
  const response = await fetch(url, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new Error(
      body?.error?.message ??
        `Could not load the sample's people: ${response.status} ${response.statusText}`,
    );
  }
  const { people } = (await response.json()) as { people: SamplePerson[] };
  return people;
}
