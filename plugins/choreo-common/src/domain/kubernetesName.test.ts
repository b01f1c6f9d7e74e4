import { kubernetesNameProblem } from './kubernetesName';

describe('kubernetesNameProblem', () => {
  it.each(['api', 'api-v2', 'a', 'api.v2', '0day', 'a'.repeat(253)])(
    'accepts %s',
    name => {
      expect(kubernetesNameProblem(name)).toBeUndefined();
    },
  );

  it('says what is wrong and suggests a fix', () => {
    expect(kubernetesNameProblem('My_Service')).toBe(
      "name 'My_Service' is not a valid Kubernetes name (it has upper-case letters; it contains '_'): use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters, e.g. 'my-service'",
    );
  });

  it.each([
    ['', /it is empty/],
    ['-api', /starts or ends/],
    ['api-', /starts or ends/],
    ['my api', /contains ' ' \(space\)/],
    ['a..b', /'\.'-separated part/],
    ['a'.repeat(254), /it has 254 characters/],
  ])('explains why %j is refused', (name, reason) => {
    expect(kubernetesNameProblem(name)).toMatch(reason);
  });

  it('applies the stricter label rule to namespaces', () => {
    expect(kubernetesNameProblem('acme.io', 'label', 'namespace')).toBe(
      "namespace 'acme.io' is not a valid Kubernetes name (it contains '.'): use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, e.g. 'acme-io'",
    );
    expect(kubernetesNameProblem('a'.repeat(64), 'label')).toMatch(
      /64 characters/,
    );
  });
});
