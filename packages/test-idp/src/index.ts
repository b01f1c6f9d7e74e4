/**
 * Test-only: a real OpenID Provider on loopback (the OpenID Certified
 * `oidc-provider`), whose accounts are the sample organization's people with
 * their groups. Start it in-process with `startTestIdp`, or as a child
 * process with `src/cli.ts`.
 *
 * @packageDocumentation
 */

export { startTestIdp } from './startTestIdp';
export type { TestIdp, TestIdpOptions } from './startTestIdp';
export { SAMPLE_ACCOUNTS, TEST_IDP_PASSWORD } from './accounts';
export { CookieJar, headlessLogin } from './headlessLogin';
export type { TestIdpAccount } from './accounts';
export type { TestIdpClient } from './providerConfiguration';
export type { TestIdpLifetimes } from './lifetimes';
