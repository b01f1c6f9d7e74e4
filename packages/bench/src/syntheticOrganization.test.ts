import {
  ReleaseBinding,
  summarizeReleaseBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import { syntheticOrganization } from './syntheticOrganization';

describe('syntheticOrganization', () => {
  const org = syntheticOrganization({ components: 300, projects: 12 });
  const byKind = (kind: string) => org.resources.filter(r => r.kind === kind);

  it('is the same organization for the same options', () => {
    const again = syntheticOrganization({ components: 300, projects: 12 });
    expect(JSON.stringify(again.resources)).toBe(JSON.stringify(org.resources));
  });

  it('has the requested counts and one Workload, release and three bindings per component', () => {
    expect(byKind('Project')).toHaveLength(12);
    expect(byKind('Component')).toHaveLength(300);
    expect(byKind('Workload')).toHaveLength(300);
    expect(byKind('ComponentRelease')).toHaveLength(300);
    expect(byKind('ReleaseBinding')).toHaveLength(900);
    expect(byKind('Environment').map(e => e.metadata.name)).toEqual([
      'development',
      'staging',
      'production',
    ]);
  });

  it('lets a benchmark leave out releases and bindings', () => {
    const lean = syntheticOrganization({
      components: 10,
      bindingsPerComponent: 2,
      componentReleases: false,
    });
    const kinds = lean.resources.map(r => r.kind);
    expect(kinds.filter(k => k === 'ReleaseBinding')).toHaveLength(20);
    expect(kinds).not.toContain('ComponentRelease');
  });

  it('only depends on endpoints that exist and may be reached', () => {
    const workloads = new Map(
      byKind('Workload').map(w => [
        (w.spec as { owner: { componentName: string } }).owner.componentName,
        w.spec as {
          owner: { projectName: string };
          endpoints: Record<string, { visibility?: string[] }>;
          dependencies?: {
            endpoints: Array<{
              project?: string;
              component: string;
              name: string;
            }>;
          };
        },
      ]),
    );
    const crossProjectVisibilities: Array<string[] | undefined> = [];
    for (const spec of workloads.values()) {
      const count = Object.keys(spec.endpoints).length;
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(3);
      for (const dependency of spec.dependencies?.endpoints ?? []) {
        const target = workloads.get(dependency.component)!;
        const endpoint = target.endpoints[dependency.name];
        expect(endpoint).toBeDefined();
        expect(target.owner.projectName).toBe(
          dependency.project ?? spec.owner.projectName,
        );
        if (dependency.project) {
          crossProjectVisibilities.push(endpoint.visibility);
        }
      }
    }
    expect(crossProjectVisibilities.length).toBeGreaterThan(0);
    expect(crossProjectVisibilities.every(v => v?.includes('namespace'))).toBe(
      true,
    );
  });

  it('keeps every name a valid Kubernetes name', () => {
    for (const resource of org.resources) {
      expect(resource.metadata.name).toMatch(
        /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
      );
    }
  });

  it('can report every binding deployed and ready, without changing anything else', () => {
    const plain = syntheticOrganization({ components: 20, projects: 1 });
    const deployed = syntheticOrganization({
      components: 20,
      projects: 1,
      deployedStatus: true,
    });
    const withoutStatus = deployed.resources.map(r => {
      const { status, ...rest } = r as typeof r & { status?: unknown };
      const metadata = { ...rest.metadata };
      delete metadata.generation;
      return { ...rest, metadata };
    });
    expect(JSON.stringify(withoutStatus)).toBe(JSON.stringify(plain.resources));

    const bindings = deployed.resources.filter(
      (r): r is ReleaseBinding => r.kind === 'ReleaseBinding',
    );
    expect(bindings).toHaveLength(60);
    for (const binding of bindings) {
      expect(summarizeReleaseBinding(binding).state).toBe('ready');
      expect(binding.status?.endpoints?.[0].serviceURL?.host).toContain(
        binding.spec.owner.componentName,
      );
    }
  });
});
