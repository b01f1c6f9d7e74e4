import { loadOpenChoreoCrds } from '@internal/kube-testenv';
import { checkKubernetesExtensions } from './__testUtils__/celRules';
import { CrdValidators, toAjvSchema } from './__testUtils__/structuralSchema';

// The sample-organization test is only as good as its validator: these cases show that it
// rejects what `kubectl apply --validate=strict` against the real CRDs would reject.
describe('CRD validation of the sample organization test', () => {
  const crds = loadOpenChoreoCrds('v1.2.3');
  const workloadSchema = crds.get('Workload')!.openAPIV3Schema;
  const validWorkload = {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Workload',
    metadata: { name: 'api-workload', namespace: 'acme' },
    spec: {
      owner: { projectName: 'shop', componentName: 'api' },
      container: { image: 'registry.example/api:1' },
      endpoints: {
        http: { type: 'HTTP', port: 8080, visibility: ['project'] },
      },
    },
  };

  it('accepts a valid object', () => {
    expect(
      new CrdValidators().validate('Workload', workloadSchema, validWorkload),
    ).toEqual([]);
  });

  it('reports unknown fields, enums, missing fields and metadata typos with their path', () => {
    const broken = {
      ...validWorkload,
      metadata: { name: 'api-workload', namespace: 'acme', label: { a: 'b' } },
      spec: {
        owner: { projectName: 'shop' },
        container: {
          image: 'registry.example/api:1',
          imagePullPolicy: 'Always',
        },
        endpoints: { http: { type: 'HTTPS', port: 8080 } },
      },
      status: { ready: true },
    };
    expect(
      new CrdValidators().validate('Workload', workloadSchema, broken),
    ).toEqual(
      expect.arrayContaining([
        'unknown field "metadata.label"',
        ".spec.owner: must have required property 'componentName'",
        'unknown field "spec.container.imagePullPolicy"',
        '.spec.endpoints.http.type: must be one of "HTTP", "gRPC", "GraphQL", "Websocket", "TCP", "UDP"',
        'unknown field "status.ready"',
      ]),
    );
  });

  it('converts int-or-string, nullable and preserve-unknown-fields', () => {
    const schema = toAjvSchema({
      type: 'object',
      properties: {
        port: { 'x-kubernetes-int-or-string': true },
        note: { type: 'string', nullable: true },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        port: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        note: { type: ['string', 'null'] },
        free: { type: 'object' },
      },
    });
  });

  it('evaluates the simple CEL rules and list types', () => {
    const workload = {
      ...validWorkload,
      spec: {
        ...validWorkload.spec,
        container: {
          image: 'registry.example/api:1',
          env: [
            {
              key: 'A',
              value: 'x',
              valueFrom: { secretKeyRef: { name: 's', key: 'k' } },
            },
          ],
        },
        endpoints: {
          http: {
            type: 'HTTP',
            port: 8080,
            visibility: ['project', 'project'],
          },
        },
      },
    };
    expect(checkKubernetesExtensions(workloadSchema, workload)).toEqual([
      '.spec.container.env[0]: value and valueFrom are mutually exclusive',
      '.spec.endpoints.http.visibility: duplicate item "project"',
    ]);
    const type = crds.get('ClusterComponentType')!.openAPIV3Schema;
    const noPrimary = {
      spec: {
        workloadType: 'deployment',
        resources: [{ id: 'service', template: {} }],
      },
    };
    expect(checkKubernetesExtensions(type, noPrimary)).toEqual([
      ".spec: resources must contain a primary resource with id matching workloadType (unless workloadType is 'proxy')",
    ]);
    // A resource output is a value, a secret reference or a config map reference: one of them.
    const binding = crds.get('ResourceReleaseBinding')!.openAPIV3Schema;
    const twoSources = {
      status: {
        outputs: [
          { name: 'host', value: 'db.cell.svc' },
          {
            name: 'password',
            value: 'hunter2',
            secretKeyRef: { name: 'db-creds', key: 'password' },
          },
        ],
      },
    };
    expect(checkKubernetesExtensions(binding, twoSources)).toEqual([
      expect.stringMatching(/^\.status\.outputs\[1\]: /),
    ]);
  });
});
