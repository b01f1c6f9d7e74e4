import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  AuthzRoleMapping,
  CHOREO_API_VERSION,
} from '@choreo-for-backstage/plugin-choreo-common';
import { AuthzObject } from './randomAuthzObjects';

const AUTHZ_KINDS = new Set([
  'AuthzRole',
  'ClusterAuthzRole',
  'AuthzRoleBinding',
  'ClusterAuthzRoleBinding',
]);

/** OpenChoreo's own samples: config/samples/*authz*.yaml of the Go module. */
export function openchoreoSampleAuthzObjects(moduleDir: string): AuthzObject[] {
  const dir = path.join(moduleDir, 'config', 'samples');
  return readdirSync(dir)
    .filter(file => file.includes('authz') && file.endsWith('.yaml'))
    .sort()
    .flatMap(file =>
      parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map(
        doc => doc.toJS() as AuthzObject | null,
      ),
    )
    .filter((o): o is AuthzObject => !!o && AUTHZ_KINDS.has(o.kind));
}

interface BootstrapRole {
  name: string;
  namespace?: string;
  system?: boolean;
  description?: string;
  actions: string[];
}

interface BootstrapMapping {
  name: string;
  namespace?: string;
  kind?: string;
  system?: boolean;
  roleMappings: Array<{
    roleRef: { name: string; kind: 'AuthzRole' | 'ClusterAuthzRole' };
    scope?: {
      namespace?: string;
      project?: string;
      component?: string;
    };
  }>;
  entitlement: { claim: unknown; value: unknown };
  effect: unknown;
}

/**
 * The default roles and bindings the Helm chart's bootstrap hook applies,
 * built from values.yaml the way templates/authz/_authz-bootstrap.tpl renders
 * them: a role without namespace is a ClusterAuthzRole; a mapping is a
 * ClusterAuthzRoleBinding unless it says otherwise; only the namespace,
 * project and component of a scope are rendered, conditions never.
 */
export function helmBootstrapAuthzObjects(moduleDir: string): AuthzObject[] {
  const values = parse(
    readFileSync(
      path.join(
        moduleDir,
        'install',
        'helm',
        'openchoreo-control-plane',
        'values.yaml',
      ),
      'utf8',
    ),
  );
  const bootstrap = values.openchoreoApi.config.security.authorization
    .bootstrap as { roles: BootstrapRole[]; mappings: BootstrapMapping[] };
  const labels = (system?: boolean) => ({
    'openchoreo.io/bootstrap': 'true',
    ...(system ? { 'openchoreo.io/system': 'true' } : {}),
  });

  const roles = bootstrap.roles.map((role): AuthzObject => {
    const spec = {
      ...(role.description ? { description: String(role.description) } : {}),
      actions: role.actions.map(String),
    };
    return role.namespace
      ? {
          apiVersion: CHOREO_API_VERSION,
          kind: 'AuthzRole',
          metadata: {
            name: role.name,
            namespace: role.namespace,
            labels: labels(role.system),
          },
          spec,
        }
      : {
          apiVersion: CHOREO_API_VERSION,
          kind: 'ClusterAuthzRole',
          metadata: { name: role.name, labels: labels(role.system) },
          spec,
        };
  });

  const bindings = bootstrap.mappings.map((mapping): AuthzObject => {
    const cluster =
      (mapping.kind || 'ClusterAuthzRoleBinding') === 'ClusterAuthzRoleBinding';
    const scopeKeys = cluster
      ? (['namespace', 'project', 'component'] as const)
      : (['project', 'component'] as const);
    const roleMappings = mapping.roleMappings.map(m => {
      const scope: Record<string, string> = {};
      for (const key of scopeKeys) {
        const value = m.scope?.[key];
        if (value) scope[key] = String(value);
      }
      const rendered: AuthzRoleMapping = {
        roleRef: { name: m.roleRef.name, kind: m.roleRef.kind },
      };
      return Object.keys(scope).length > 0 ? { ...rendered, scope } : rendered;
    });
    const spec = {
      roleMappings,
      entitlement: {
        claim: quoted(mapping.entitlement.claim),
        value: quoted(mapping.entitlement.value),
      },
      effect: quoted(mapping.effect) as 'allow' | 'deny',
    };
    const metadata = { name: mapping.name, labels: labels(mapping.system) };
    return cluster
      ? {
          apiVersion: CHOREO_API_VERSION,
          kind: 'ClusterAuthzRoleBinding',
          metadata,
          spec,
        }
      : {
          apiVersion: CHOREO_API_VERSION,
          kind: 'AuthzRoleBinding',
          metadata: { ...metadata, namespace: mapping.namespace },
          spec,
        };
  });
  return [...roles, ...bindings];
}

/** Helm's `quote`: the value's text, or "" for nothing. */
function quoted(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
