import { choreoKindInfo } from '@choreo-for-backstage/plugin-choreo-common';
import { checkObject } from './objectCheck';

const component = choreoKindInfo('Component')!;
const namespace = choreoKindInfo('Namespace')!;

describe('checkObject', () => {
  it('fills in kind and apiVersion, drops managedFields and keeps unknown fields', () => {
    const { resource, problem } = checkObject(namespace, {
      metadata: {
        name: 'acme',
        managedFields: [{ manager: 'kubectl' }],
        labels: { 'openchoreo.dev/control-plane': 'true' },
      },
      spec: { finalizers: ['kubernetes'] },
    });
    expect(problem).toBeUndefined();
    expect(resource).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'acme',
        labels: { 'openchoreo.dev/control-plane': 'true' },
      },
      spec: { finalizers: ['kubernetes'] },
    });
  });

  it('keeps a component without owner and reports it', () => {
    const { resource, problem } = checkObject(component, {
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'Component',
      metadata: { name: 'api', namespace: 'acme' },
      spec: { componentType: { name: 'deployment/service' }, newField: 1 },
    });
    expect(resource?.spec).toEqual({
      componentType: { name: 'deployment/service' },
      newField: 1,
    });
    expect(problem).toEqual({
      message:
        'Component acme/api has no spec.owner.projectName; it is shown without its project',
      resource: { kind: 'Component', name: 'api', namespace: 'acme' },
    });
  });

  it('ignores objects without a name or, when namespaced, a namespace', () => {
    expect(checkObject(component, { metadata: {} })).toEqual({
      problem: { message: 'A Component without metadata.name was ignored' },
    });
    expect(checkObject(component, { metadata: { name: 'api' } })).toEqual({
      problem: {
        message: "Component 'api' has no metadata.namespace and was ignored",
      },
    });
  });
});
