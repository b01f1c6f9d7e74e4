import { entityNameFromIdp } from './entityNameFromIdp';

describe('entityNameFromIdp', () => {
  it.each([
    ['payments-team', 'payments-team'],
    ['Payments-Team', 'payments-team'],
    ['/payments-team', 'payments-team'], // Keycloak's full group path
    ['/acme/payments-team', 'acme-payments-team'],
    ['Release Managers', 'release-managers'],
    ['paula.payments@acme.example', 'paula.payments-acme.example'],
    ['--odd__name..', 'odd_name'],
    ['a'.repeat(70), 'a'.repeat(63)],
  ])('%s becomes %s', (raw, name) => {
    expect(entityNameFromIdp(raw)).toBe(name);
  });

  it('leaves nothing of a name without letters or digits', () => {
    expect(entityNameFromIdp('/')).toBeUndefined();
    expect(entityNameFromIdp('  ')).toBeUndefined();
  });
});
