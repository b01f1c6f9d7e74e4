import {
  CHOREO_ENTITY_ANNOTATIONS,
  ChoreoKind,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  AuthzDecider,
  AuthzSubject,
  ChoreoStoreReader,
} from '@choreo-for-backstage/plugin-choreo-node';
import { catalogConditions } from '@backstage/plugin-catalog-backend/alpha';
import {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';

type CatalogCriteria = PermissionCriteria<
  PermissionCondition<'catalog-entity'>
>;

const A = CHOREO_ENTITY_ANNOTATIONS;
const has = (annotation: string, value?: string) =>
  catalogConditions.hasAnnotation(
    value ? { annotation, value } : { annotation },
  );

/** Platform kinds that become catalog entities, read with `<kind>:view` in their namespace. */
const NAMESPACED_PLATFORM: ChoreoKind[] = [
  'Environment',
  'DeploymentPipeline',
  'DataPlane',
  'WorkflowPlane',
  'ComponentType',
];
/** Cluster kinds that become catalog entities, read with `<kind>:view` at the cluster. */
const CLUSTER_PLATFORM: ChoreoKind[] = [
  'ClusterDataPlane',
  'ClusterWorkflowPlane',
  'ClusterComponentType',
];

/**
 * The catalog entities a person may see, as a catalog condition: every
 * entity the Choreo provider did not make, and of those it made, the ones
 * whose OpenChoreo resource the person may view (`namespace:view`,
 * `project:view`, `component:view` for components and their APIs,
 * `resource:view` for managed resources, `<kind>:view` for platform
 * resources), decided by OpenChoreo's roles.
 * The store is enumerated once per person and store change; whole scopes
 * collapse to one condition where everything in them is visible.
 */
export class CatalogReadConditions {
  private cache = new Map<string, CatalogCriteria>();

  constructor(
    private readonly store: ChoreoStoreReader,
    private readonly decider: AuthzDecider,
  ) {
    store.subscribe(() => this.cache.clear());
  }

  for(subject: AuthzSubject): CatalogCriteria {
    const key = `${subject.claim}=${subject.values.join(',')}`;
    let criteria = this.cache.get(key);
    if (!criteria) {
      criteria = this.compute(subject);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(key, criteria);
    }
    return criteria;
  }

  private compute(subject: AuthzSubject): CatalogCriteria {
    const allowed = (
      action: string,
      hierarchy: {
        namespace?: string;
        project?: string;
        component?: string;
        resource?: string;
      },
    ) =>
      subject.values.length > 0 &&
      this.decider.evaluate({
        subject,
        action,
        resource: { type: action.split(':')[0], hierarchy },
      }).decision;

    const visible: [CatalogCriteria, ...CatalogCriteria[]] = [
      // everything the provider did not make is up to other rules
      { not: has(A.source) },
      // the provider's placeholder groups carry no Choreo resource
      { allOf: [has(A.source), { not: has(A.kind) }] },
    ];
    for (const ns of this.store.list('Namespace')) {
      const namespace = ns.metadata.name;
      const inNs = has(A.namespace, namespace);
      if (allowed('namespace:view', { namespace })) {
        visible.push({ allOf: [has(A.kind, 'Namespace'), inNs] });
      }
      for (const project of this.store.list('Project', { namespace })) {
        const name = project.metadata.name;
        const inProject = has(A.project, name);
        if (allowed('project:view', { namespace, project: name })) {
          visible.push({ allOf: [has(A.kind, 'Project'), inNs, inProject] });
        }
        const components = this.store
          .list('Component', { namespace })
          .filter(c => c.spec.owner?.projectName === name)
          .map(c => c.metadata.name);
        const seen = components.filter(component =>
          allowed('component:view', { namespace, project: name, component }),
        );
        // components and their APIs carry the component annotation
        if (seen.length > 0 && seen.length === components.length) {
          visible.push({ allOf: [inNs, inProject, has(A.component)] });
        } else {
          for (const component of seen) {
            visible.push({
              allOf: [inNs, inProject, has(A.component, component)],
            });
          }
        }
      }
      // managed resources (databases, caches) with `resource:view` on each
      for (const resource of this.store.list('Resource', { namespace })) {
        const project = resource.spec.owner?.projectName;
        const name = resource.metadata.name;
        if (
          project &&
          allowed('resource:view', { namespace, project, resource: name })
        ) {
          visible.push({
            allOf: [
              has(A.kind, 'Resource'),
              inNs,
              has(A.project, project),
              has(A.name, name),
            ],
          });
        }
      }
      for (const kind of NAMESPACED_PLATFORM) {
        if (allowed(`${kind.toLocaleLowerCase('en-US')}:view`, { namespace })) {
          visible.push({ allOf: [has(A.kind, kind), inNs] });
        }
      }
    }
    for (const kind of CLUSTER_PLATFORM) {
      if (allowed(`${kind.toLocaleLowerCase('en-US')}:view`, {})) {
        visible.push(has(A.kind, kind));
      }
    }
    return { anyOf: visible };
  }
}
