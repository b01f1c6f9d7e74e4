import { parseManifests } from './manifestParser';

const FILE = 'acme/projects/shop/project.yaml';

describe('parseManifests', () => {
  it('reads every Choreo document of a multi-document file with its line', () => {
    const text = `# Shop project
apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: shop
  namespace: acme
spec:
  deploymentPipelineRef:
    name: default
status:
  conditions:
    - type: Ready
      status: "True"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: not-ours
---
apiVersion: openchoreo.dev/v1alpha1
kind: Component
metadata:
  name: api
  namespace: acme
spec:
  owner:
    projectName: shop
`;
    const { resources, problems } = parseManifests(text, FILE);

    expect(problems).toEqual([]);
    expect(
      resources.map(r => [r.resource.kind, r.resource.metadata.name, r.line]),
    ).toEqual([
      ['Project', 'shop', 2],
      ['Component', 'api', 20],
    ]);
    expect(resources[0].file).toBe(FILE);
    // Status of an exported snapshot is real state: keep it.
    expect(resources[0].resource.status).toEqual({
      conditions: [{ type: 'Ready', status: 'True' }],
    });
  });

  it('keeps control-plane Namespaces and skips other Namespaces', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: acme
  labels:
    openchoreo.dev/control-plane: "true"
---
apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
`;
    const { resources, problems } = parseManifests(text, FILE);
    expect(problems).toEqual([]);
    expect(resources.map(r => r.resource.metadata.name)).toEqual(['acme']);
  });

  it('reports a YAML syntax error with its line and still reads the other documents', () => {
    const text = `apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: shop
  namespace: acme
---
apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: [broken
---
apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: blog
  namespace: acme
`;
    const { resources, problems } = parseManifests(text, FILE);
    expect(resources.map(r => r.resource.metadata.name)).toEqual([
      'shop',
      'blog',
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      message: expect.stringMatching(/^YAML syntax error/),
    });
    expect(problems[0].line).toBeGreaterThanOrEqual(10);
    expect(problems[0].line).toBeLessThanOrEqual(11);
  });

  it.each([
    [
      'a document without kind',
      `apiVersion: openchoreo.dev/v1alpha1\nmetadata:\n  name: x\n`,
      /has no kind/,
      1,
    ],
    [
      'a document without metadata.name',
      `apiVersion: openchoreo.dev/v1alpha1\nkind: Project\nmetadata:\n  namespace: acme\n`,
      /Project has no metadata.name/,
      4,
    ],
    [
      'a namespaced kind without namespace',
      `apiVersion: openchoreo.dev/v1alpha1\nkind: Component\nmetadata:\n  name: api\n`,
      /Component 'api' has no metadata.namespace/,
      4,
    ],
    [
      'an unknown OpenChoreo kind',
      `apiVersion: openchoreo.dev/v1alpha1\nkind: Gizmo\nmetadata:\n  name: x\n`,
      /kind 'Gizmo' is not an OpenChoreo kind/,
      2,
    ],
    [
      'an unsupported version',
      `apiVersion: openchoreo.dev/v2\nkind: Project\nmetadata:\n  name: x\n`,
      /apiVersion 'openchoreo.dev\/v2' is not supported/,
      1,
    ],
    [
      'a duplicate map key',
      `apiVersion: openchoreo.dev/v1alpha1\nkind: Project\nkind: Project\n`,
      /YAML syntax error: Map keys must be unique/,
      3,
    ],
  ])('reports %s with file and line', (_, text, message, line) => {
    const { resources, problems } = parseManifests(text, FILE);
    expect(resources).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(message),
        line,
      }),
    ]);
    expect(problems[0].file).toBe(FILE);
  });

  it('reports a resource defined twice in one file at the second copy', () => {
    const doc = `apiVersion: openchoreo.dev/v1alpha1
kind: Environment
metadata:
  name: development
  namespace: acme
`;
    const { resources, problems } = parseManifests(`${doc}---\n${doc}`, FILE);
    expect(resources).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 7,
        message: expect.stringContaining('defined twice in this file'),
        resource: {
          kind: 'Environment',
          namespace: 'acme',
          name: 'development',
        },
      }),
    ]);
  });

  it('skips documents that are not Kubernetes objects and drops the namespace of cluster kinds', () => {
    const text = `replicas: 3
---
- a
- b
---
---
apiVersion: openchoreo.dev/v1alpha1
kind: ClusterComponentType
metadata:
  name: service
  namespace: ignored
`;
    const { resources, problems } = parseManifests(text, FILE);
    expect(problems).toEqual([]);
    expect(resources.map(r => r.resource.metadata)).toEqual([
      { name: 'service' },
    ]);
  });
});
