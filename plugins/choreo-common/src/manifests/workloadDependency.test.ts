import { Workload } from '../resources';
import { withEndpointDependency } from './workloadDependency';

const workload: Workload = {
  apiVersion: 'openchoreo.dev/v1alpha1',
  kind: 'Workload',
  metadata: { name: 'checkout-api-workload', namespace: 'acme' },
  spec: {
    owner: { projectName: 'payments', componentName: 'checkout-api' },
    container: { image: 'checkout:1' },
    dependencies: {
      endpoints: [
        {
          component: 'ledger-service',
          name: 'grpc',
          visibility: 'project',
          envBindings: { address: 'LEDGER_ADDR' },
        },
      ],
    },
  },
};

describe('withEndpointDependency', () => {
  it('appends a dependency on another endpoint and keeps the rest of the Workload', () => {
    const change = withEndpointDependency(workload, {
      project: 'logistics',
      component: 'shipping-api',
      name: 'api',
      visibility: 'namespace',
      envBindings: { address: 'SHIPPING_URL' },
    });
    expect(change.outcome).toBe('added');
    if (change.outcome !== 'added') return;
    expect(change.workload.spec.container).toEqual({ image: 'checkout:1' });
    expect(change.workload.spec.dependencies?.endpoints).toEqual([
      workload.spec.dependencies!.endpoints![0],
      {
        project: 'logistics',
        component: 'shipping-api',
        name: 'api',
        visibility: 'namespace',
        envBindings: { address: 'SHIPPING_URL' },
      },
    ]);
    // the input is not modified
    expect(workload.spec.dependencies?.endpoints).toHaveLength(1);
  });

  it('treats the same dependency again (own project spelled out or not) as unchanged', () => {
    const change = withEndpointDependency(workload, {
      project: 'payments',
      component: 'ledger-service',
      name: 'grpc',
      visibility: 'project',
      envBindings: { address: 'LEDGER_ADDR' },
    });
    expect(change.outcome).toBe('unchanged');
  });

  it('reports how a different dependency on the same endpoint differs instead of replacing it', () => {
    const change = withEndpointDependency(workload, {
      component: 'ledger-service',
      name: 'grpc',
      visibility: 'namespace',
      envBindings: { address: 'LEDGER' },
    });
    expect(change).toMatchObject({
      outcome: 'conflict',
      differences: [
        "visibility is 'project', not 'namespace'",
        "envBindings.address is 'LEDGER_ADDR', not 'LEDGER'",
      ],
    });
  });
});
