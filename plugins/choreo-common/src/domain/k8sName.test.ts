import { generateK8sName, hash8, K8S_NAME_LIMITS } from './k8sName';

describe('generateK8sName', () => {
  // The table of OpenChoreo's own name_test.go (GenerateK8sName, limit 253).
  it.each([
    [['project', 'component'], 'project-component-932d1646'],
    [['My_Project$', 'Component@Name'], 'my-project-component-name-40314333'],
    [['a'.repeat(300), 'component'], `${'a'.repeat(122)}-component-a250aee3`],
    [['-invalid-start', 'invalid-end-'], 'invalid-start-invalid-end-f124257d'],
    [['', ''], '3973e022'],
    [['!!!', '###'], '606b424e'],
    [
      ['a'.repeat(260), 'b'.repeat(260)],
      `${'a'.repeat(122)}-${'b'.repeat(121)}-654ba7cd`,
    ],
    [['ProjectName', 'ComponentName'], 'projectname-componentname-755d4ced'],
    [
      ['project.name', 'component.name'],
      'project.name-component.name-851db5b2',
    ],
    [
      ['project_name with spaces', 'component_name'],
      'project-name-with-spaces-component-name-101f1326',
    ],
  ])('%j -> %s (same as OpenChoreo)', (parts, expected) => {
    const name = generateK8sName(parts);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(253);
  });

  it('honours a shorter limit, giving the first part the odd character', () => {
    // Vector computed with OpenChoreo's Go code (limit 52, as for CronJobs).
    const name = generateK8sName(['x'.repeat(60), 'nightly-report'], {
      limit: K8S_NAME_LIMITS.cronJob,
    });
    expect(name).toBe('xxxxxxxxxxxxxxxxxxxxx-nightly-report-9b41f520');
    expect(name.length).toBeLessThanOrEqual(52);
  });

  it('mixes an extra hash input into the suffix without showing it', () => {
    const withExtra = generateK8sName(['app', 'secret', 'config-json'], {
      extraHashInput: '0a1b2c3d',
    });
    expect(withExtra).toBe('app-secret-config-json-969e433c');
    expect(generateK8sName(['app', 'secret', 'config-json'])).not.toBe(
      withExtra,
    );
  });

  it('refuses inputs OpenChoreo itself would crash on', () => {
    expect(() => generateK8sName([])).toThrow(RangeError);
    expect(() => generateK8sName(['a', 'b'], { limit: 5 })).toThrow(/no room/);
  });
});

describe('hash8', () => {
  it('is the first 8 hex characters of sha256', () => {
    // sha256("abc") = ba7816bf8f01cfea…
    expect(hash8('abc')).toBe('ba7816bf');
  });
});
