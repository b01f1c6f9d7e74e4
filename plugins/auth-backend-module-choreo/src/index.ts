/**
 * Sign-in for Choreo for Backstage: OpenID Connect (provider `oidc`) with the
 * identity provider's groups as ownership (sign-in resolver
 * `openChoreoGroups`), and a development-only sign-in as one of the sample
 * organization's people (provider `sample`).
 *
 * @packageDocumentation
 */

export { authModuleChoreo as default } from './module';
export { openChoreoGroupsResolver } from './oidc/openChoreoGroupsResolver';
export type { OidcClaimsResult } from './oidc/openChoreoGroupsResolver';
export type { SamplePersonSummary } from './sample/samplePeople';
