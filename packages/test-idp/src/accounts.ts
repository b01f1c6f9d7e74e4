/**
 * The accounts of the test IdP: the people of the sample organization
 * (examples/backstage-org.yaml), each in the group of their team, as the
 * identity provider of a real platform would have them. OpenChoreo's role
 * bindings and the portal match these group names.
 */
export interface TestIdpAccount {
  /** `sub` and `preferred_username`. */
  username: string;
  name: string;
  email: string;
  groups: string[];
}

/** Every account signs in with this password (loopback, tests only). */
export const TEST_IDP_PASSWORD = 'sample-password';

export const SAMPLE_ACCOUNTS: readonly TestIdpAccount[] = [
  {
    username: 'pat.platform',
    name: 'Pat Platform',
    email: 'pat.platform@acme.example',
    groups: ['acme-platform'],
  },
  {
    username: 'rita.release',
    name: 'Rita Release',
    email: 'rita.release@acme.example',
    groups: ['release-managers'],
  },
  {
    username: 'paula.payments',
    name: 'Paula Payments',
    email: 'paula.payments@acme.example',
    groups: ['payments-team'],
  },
  {
    username: 'sam.storefront',
    name: 'Sam Storefront',
    email: 'sam.storefront@acme.example',
    groups: ['storefront-team'],
  },
  {
    username: 'leo.logistics',
    name: 'Leo Logistics',
    email: 'leo.logistics@acme.example',
    groups: ['logistics-team'],
  },
];
