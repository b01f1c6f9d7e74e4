import {
  ApprovalSettings,
  ChoreoResourceScope,
  Component,
  KindedRef,
  environmentNeedsApproval,
  parseChoreoResourceRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  AuthzSubject,
  ChoreoAuthzResource,
  ChoreoStoreReader,
  OwnerRule,
  resourceOwner,
} from '@choreo-for-backstage/plugin-choreo-node';

/** What OpenChoreo's decision point is asked about one resource. */
export interface RoleQuery {
  subject: AuthzSubject;
  action: string;
  hierarchy: { namespace: string; project?: string; component?: string };
  /** `resource.*` of CEL conditions: referents as openchoreo-api names them. */
  attributes: {
    environment?: string;
    componentType?: string;
    workflow?: string;
  };
}

/** Decides a RoleQuery as openchoreo-api would, from the store's authz resources. */
export type RoleDecision = (query: RoleQuery) => boolean;

/** A namespaced referent is `namespace/name` in conditions, a cluster one its bare name. */
function referent(
  namespace: string,
  ref: KindedRef | undefined,
  clusterKind: string,
  defaultKind: string,
): string | undefined {
  if (!ref?.name) return undefined;
  return (ref.kind ?? defaultKind) === clusterKind
    ? ref.name
    : `${namespace}/${ref.name}`;
}

/**
 * Turns `choreo-resource` refs into what permission rules decide about:
 * the scope checked against the store (a component must belong to the
 * project the ref names), its environment with the four-eyes rule applied,
 * its owner and the attributes OpenChoreo's conditions see. A ref the store
 * does not support resolves to undefined, which the framework denies.
 */
export class ChoreoResourceResolver {
  constructor(
    private readonly options: {
      store: ChoreoStoreReader;
      approvals: ApprovalSettings;
      owners: OwnerRule[];
      roles: RoleDecision;
    },
  ) {}

  resolveAll(refs: string[]): Array<ChoreoAuthzResource | undefined> {
    return refs.map(ref => this.resolve(ref));
  }

  resolve(ref: string): ChoreoAuthzResource | undefined {
    const scope = parseChoreoResourceRef(ref);
    if (!scope) return undefined;
    const { store } = this.options;
    const { namespace } = scope;
    if (!store.get('Namespace', namespace)) return undefined;
    const project = scope.project
      ? store.get('Project', scope.project, namespace)
      : undefined;
    if (scope.project && !project) return undefined;
    let component: Component | undefined;
    if (scope.component) {
      component = store.get('Component', scope.component, namespace);
      if (component?.spec.owner?.projectName !== scope.project) {
        return undefined;
      }
    }
    const owner = resourceOwner(
      { reader: store, owners: this.options.owners },
      component ?? project ?? { metadata: { name: namespace, namespace } },
      scope.project,
    );
    const resource: ChoreoAuthzResource = {
      ref,
      scope,
      owner,
      allowedByRoles: (subject, action) =>
        this.options.roles({
          subject,
          action,
          hierarchy: {
            namespace,
            ...(scope.project ? { project: scope.project } : {}),
            ...(scope.component ? { component: scope.component } : {}),
          },
          attributes: this.attributes(scope, component),
        }),
    };
    if (scope.environment) {
      const environment = store.get(
        'Environment',
        scope.environment,
        namespace,
      );
      resource.environment = {
        name: scope.environment,
        known: !!environment,
        // an environment no source has counts as production: fail closed
        isProduction: environment
          ? environment.spec?.isProduction === true
          : true,
        requiresApproval: environmentNeedsApproval(
          this.options.approvals,
          scope.environment,
          environment,
        ),
      };
      if (component) {
        resource.bindingExists = store
          .list('ReleaseBinding', {
            namespace,
            component: component.metadata.name,
          })
          .some(
            b =>
              b.spec.environment === scope.environment &&
              b.spec.owner?.projectName === scope.project,
          );
      }
    }
    return resource;
  }

  private attributes(
    scope: ChoreoResourceScope,
    component: Component | undefined,
  ): RoleQuery['attributes'] {
    const { namespace } = scope;
    const componentType =
      scope.componentType ??
      referent(
        namespace,
        component?.spec.componentType,
        'ClusterComponentType',
        'ComponentType',
      );
    const workflow = referent(
      namespace,
      component?.spec.workflow,
      'ClusterWorkflow',
      'ClusterWorkflow',
    );
    return {
      ...(scope.environment
        ? { environment: `${namespace}/${scope.environment}` }
        : {}),
      ...(componentType ? { componentType } : {}),
      ...(workflow ? { workflow } : {}),
    };
  }
}
