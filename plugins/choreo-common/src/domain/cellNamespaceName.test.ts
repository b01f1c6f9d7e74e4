import {
  cellNamespaceName,
  componentDeploymentName,
  componentRenderedReleaseName,
  projectRenderedReleaseName,
} from './cellNamespaceName';

// Expected values were produced by OpenChoreo v1.2.3's own Go name generator
// (GenerateK8sNameWithLengthLimit(63, "dp", ns, project, env)).
describe('cellNamespaceName', () => {
  it.each([
    [
      'default',
      'url-shortener',
      'development',
      'dp-default-url-shortener-development-a16f373a',
    ],
    [
      'default',
      'url-shortener',
      'staging',
      'dp-default-url-shortener-staging-94f2b06d',
    ],
    [
      'default',
      'url-shortener',
      'production',
      'dp-default-url-shortener-production-fedc98e5',
    ],
    ['a', 'b', 'c', 'dp-a-b-c-8ea55130'],
  ])('(%s, %s, %s) -> %s', (ns, project, env, expected) => {
    expect(cellNamespaceName(ns, project, env)).toBe(expected);
  });

  it('cuts long names to 13/13/12 characters and stays within 63', () => {
    const name = cellNamespaceName(
      'acme-corporation-platform',
      'customer-onboarding-service',
      'production-eu-west',
    );
    expect(name).toBe('dp-acme-corporat-customer-onbo-production-e-55e1f89f');

    const longest = cellNamespaceName(
      'n'.repeat(40),
      'p'.repeat(40),
      'e'.repeat(40),
    );
    expect(longest).toBe(
      `dp-${'n'.repeat(13)}-${'p'.repeat(13)}-${'e'.repeat(12)}-4f7fdf3f`,
    );
    expect(longest.length).toBeLessThanOrEqual(63);
  });

  it('keeps a dash a cut leaves behind, as OpenChoreo does', () => {
    expect(cellNamespaceName('default', 'abcdefghijkl-mnop', 'dev')).toBe(
      'dp-default-abcdefghijkl--dev-6f08c50a',
    );
    expect(cellNamespaceName('default', 'shop', 'ab.cdefghijk.lm')).toBe(
      'dp-default-shop-ab.cdefghijk-1e916250',
    );
  });

  it('sanitises odd characters but hashes the raw input', () => {
    expect(cellNamespaceName('Default', 'My_Project', 'Dev Env')).toBe(
      'dp-default-my-project-dev-env-7caca2f8',
    );
    expect(cellNamespaceName('org.example', 'proj.v2', 'qa')).toBe(
      'dp-org.example-proj.v2-qa-a09e794f',
    );
    expect(cellNamespaceName('-x-', '.y.', 'z--')).toBe('dp-x-y-z-60dfa04e');
    expect(cellNamespaceName('default', '', 'dev')).toBe(
      'dp-default--dev-b4283e01',
    );
    expect(cellNamespaceName('default', 'shop', 'ümlaut')).toBe(
      'dp-default-shop-ümlaut-d2814db3',
    );
  });
});

describe('componentDeploymentName', () => {
  it('is {component}-{env}-{hash8} as rendered by ${metadata.name}', () => {
    expect(componentDeploymentName('snip-api-service', 'development')).toBe(
      'snip-api-service-development-53bed701',
    );
    expect(componentDeploymentName('greeter', 'production')).toBe(
      'greeter-production-8e66215b',
    );
    expect(componentDeploymentName('Web_App', 'dev')).toBe(
      'web-app-dev-932234c3',
    );
  });

  it('splits the 253-character budget 122/121 for very long names', () => {
    const name = componentDeploymentName('c'.repeat(130), 'e'.repeat(130));
    expect(name).toBe(`${'c'.repeat(122)}-${'e'.repeat(121)}-80ec8513`);
  });
});

describe('rendered release names', () => {
  it('names component RenderedReleases plainly', () => {
    expect(componentRenderedReleaseName('snip-api-service', 'staging')).toBe(
      'snip-api-service-staging',
    );
    expect(
      componentRenderedReleaseName(
        'snip-api-service',
        'staging',
        'observabilityplane',
      ),
    ).toBe('snip-api-service-staging-observability');
  });

  it('names project RenderedReleases p-{project}-{env}-{hash of p_…}', () => {
    expect(projectRenderedReleaseName('url-shortener', 'development')).toBe(
      'p-url-shortener-development-0bf4ed8e',
    );
  });
});
