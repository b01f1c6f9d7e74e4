/**
 * Turns a name from an identity provider (a username, a group such as
 * Keycloak's `/payments-team` or `Payments Team`) into a valid Backstage
 * entity name: letters and digits separated by single `-`, `_` or `.`, at
 * most 63 characters, lower case like the refs the catalog resolves ownership
 * with. Undefined when nothing usable is left.
 */
export function entityNameFromIdp(raw: string): string | undefined {
  const name = raw
    .trim()
    .toLocaleLowerCase('en-US')
    // anything else (spaces, slashes of group paths, @) separates words
    .replace(/[^a-z0-9._-]+/g, '-')
    // a run of separators becomes its first one
    .replace(/([._-])[._-]+/g, '$1')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 63)
    .replace(/[._-]+$/, '');
  return name || undefined;
}
