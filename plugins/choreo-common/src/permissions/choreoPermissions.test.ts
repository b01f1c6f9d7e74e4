import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  CHOREO_PERMISSION_NAMES,
  choreoAuditReadPermission,
  choreoPermissions,
  choreoSourcesReadPermission,
} from './choreoPermissions';
import {
  CHOREO_RESOURCE_TYPE,
  choreoResourceRef,
  parseChoreoResourceRef,
} from './choreoResourceRef';
import { openChoreoActionFor } from './openChoreoActions';

describe('choreo permissions', () => {
  it('are the plugin’s own resource type, never catalog-entity, so catalog owner policies grant none of them', () => {
    expect(choreoPermissions.map(p => p.name).sort()).toEqual(
      Object.values(CHOREO_PERMISSION_NAMES).sort(),
    );
    const basic = [choreoAuditReadPermission, choreoSourcesReadPermission];
    for (const permission of choreoPermissions) {
      expect(isResourcePermission(permission, 'catalog-entity')).toBe(false);
      expect(isResourcePermission(permission, CHOREO_RESOURCE_TYPE)).toBe(
        !basic.some(b => b.name === permission.name),
      );
    }
  });

  it('each stands for an OpenChoreo action', () => {
    const component = { project: 'payments', component: 'checkout-api' };
    const actions = Object.fromEntries(
      choreoPermissions.map(p => [
        p.name,
        openChoreoActionFor(p.name, component),
      ]),
    );
    expect(actions).toEqual({
      'choreo.component.read': 'component:view',
      'choreo.build.trigger': 'workflowrun:create',
      'choreo.release.promote': 'releasebinding:update',
      'choreo.release.approve': 'releasebinding:approve',
      'choreo.release.rollback': 'releasebinding:update',
      'choreo.release.manage': 'releasebinding:update',
      'choreo.audit.read': 'auditlog:view',
      'choreo.sources.read': 'sourcehealth:view',
      'choreo.project.create': 'project:create',
      'choreo.component.create': 'component:create',
      'choreo.workload.update': 'workload:update',
      'choreo.environment.create': 'environment:create',
      'choreo.pipeline.create': 'deploymentpipeline:create',
    });
    // a promotion into an environment without a binding creates one
    expect(
      openChoreoActionFor('choreo.release.promote', component, {
        bindingExists: false,
      }),
    ).toBe('releasebinding:create');
    // reading a project's topology reads the project
    expect(
      openChoreoActionFor('choreo.component.read', { project: 'payments' }),
    ).toBe('project:view');
    expect(openChoreoActionFor('catalog.entity.read')).toBeUndefined();
  });
});

describe('choreo resource refs', () => {
  it('name the OpenChoreo hierarchy, with the environment of a deployment change', () => {
    const scope = {
      namespace: 'acme',
      project: 'payments',
      component: 'checkout-api',
      environment: 'production',
    };
    const ref = choreoResourceRef(scope);
    expect(ref).toBe(
      'choreo:ns/acme/project/payments/component/checkout-api/environment/production',
    );
    expect(parseChoreoResourceRef(ref)).toEqual(scope);
    expect(parseChoreoResourceRef('choreo:ns/acme')).toEqual({
      namespace: 'acme',
    });
  });

  it('carry the component type of a component that does not exist yet', () => {
    const scope = {
      namespace: 'acme',
      project: 'payments',
      componentType: 'deployment/service',
    };
    const ref = choreoResourceRef(scope);
    expect(ref).toBe(
      'choreo:ns/acme/project/payments?componentType=deployment%2Fservice',
    );
    expect(parseChoreoResourceRef(ref)).toEqual(scope);
  });

  it.each([
    'component:acme/checkout-api',
    'choreo:',
    'choreo:ns/',
    'choreo:ns/Acme',
    'choreo:project/payments',
    'choreo:ns/acme/component/checkout-api',
    'choreo:ns/acme/component/c/project/p',
    'choreo:ns/acme/ns/other',
    'choreo:ns/acme/project/p?owner=me',
    'choreo:ns/acme/../etc',
  ])('refuse %s', ref => {
    expect(parseChoreoResourceRef(ref)).toBeUndefined();
  });
});
