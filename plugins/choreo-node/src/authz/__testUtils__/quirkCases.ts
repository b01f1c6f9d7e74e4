import { AuthzResourceHierarchy } from '../resourcePath';
import { AuthzEvaluateRequest } from '../types';

export { QUIRK_OBJECTS } from './quirkObjects';

export interface QuirkCase {
  name: string;
  request: AuthzEvaluateRequest;
  decision: boolean;
}

const at = (
  values: string[],
  action: string,
  hierarchy?: AuthzResourceHierarchy,
  context?: Record<string, string>,
  claim = 'groups',
): AuthzEvaluateRequest => ({
  subject: { type: 'user', claim, values },
  action,
  resource: {
    type: action.split(':')[0] || 'x',
    ...(hierarchy ? { hierarchy } : {}),
  },
  ...(context ? { context: { resource: context } } : {}),
});

const crmC1 = { namespace: 'acme', project: 'crm', component: 'c1' };
const prodC1 = { namespace: 'acme', project: 'prod', component: 'c1' };

export const QUIRK_CASES: QuirkCase[] = [
  // Deny and scope
  {
    name: 'a deny at a project blocks below it',
    request: at(['admins'], 'component:view', prodC1),
    decision: false,
  },
  {
    name: 'the deny role does not cover other actions',
    request: at(['admins'], 'project:view', {
      namespace: 'acme',
      project: 'prod',
    }),
    decision: true,
  },
  {
    name: 'a deny scoped to a project does not reach its namespace',
    request: at(['admins'], 'component:view', { namespace: 'acme' }),
    decision: true,
  },
  {
    name: 'a deny cancels allows of its own value only',
    request: at(['blocked', 'admins'], 'component:view', crmC1),
    decision: true,
  },
  {
    name: 'a value that is denied everywhere',
    request: at(['blocked'], 'component:view', crmC1),
    decision: false,
  },
  {
    name: 'the same value allowed and denied at the same path',
    request: at(['admins', 'blocked'], 'component:view', prodC1),
    decision: false,
  },
  // Scopes as string prefixes
  {
    name: 'a namespaced binding grants at its project',
    request: at(['devs'], 'component:delete', crmC1),
    decision: true,
  },
  {
    name: 'not in a sibling project',
    request: at(['devs'], 'component:delete', { ...crmC1, project: 'other' }),
    decision: false,
  },
  {
    name: 'its ClusterAuthzRole mapping covers the namespace',
    request: at(['devs'], 'component:view', { ...crmC1, project: 'other' }),
    decision: true,
  },
  {
    name: 'not another namespace',
    request: at(['devs'], 'component:view', { namespace: 'zzz' }),
    decision: false,
  },
  {
    name: 'not the cluster',
    request: at(['devs'], 'component:view'),
    decision: false,
  },
  {
    name: 'a namespace spelling a deeper path is compared as a string',
    request: at(['devs'], 'component:delete', {
      namespace: 'acme/project/crm',
    }),
    decision: true,
  },
  {
    name: 'a component without its project still sits under the namespace',
    request: at(['devs'], 'component:view', {
      namespace: 'acme',
      component: 'c1',
    }),
    decision: true,
  },
  {
    name: 'a namespace prefix of another does not count',
    request: at(['devs'], 'component:view', { namespace: 'acme2' }),
    decision: false,
  },
  // Roles and domains
  {
    name: 'AuthzRoles come from the binding namespace',
    request: at(['devs'], 'namespace:delete', { namespace: 'acme' }),
    decision: false,
  },
  {
    name: 'an AuthzRole named like a ClusterAuthzRole is its own role',
    request: at(['devs'], 'trait:view', { namespace: 'acme' }),
    decision: true,
  },
  {
    name: 'a missing role grants nothing',
    request: at(['devs'], 'secret:view', { namespace: 'acme' }),
    decision: false,
  },
  {
    name: '* as request action needs only a binding that covers the path',
    request: at(['devs'], '*', { namespace: 'acme' }),
    decision: true,
  },
  {
    name: 'a role name as request action is granted by that role',
    request: at(['devs'], 'missing', { namespace: 'acme' }),
    decision: true,
  },
  {
    name: 'project:* as request action is covered by project:view',
    request: at(['devs'], 'project:*', { namespace: 'acme' }),
    decision: true,
  },
  {
    name: 'a request pattern the role has nothing of',
    request: at(['devs'], 'secret:*', { namespace: 'acme' }),
    decision: false,
  },
  {
    name: 'component:* does not cover componentrelease',
    request: at(['devs'], 'componentrelease:view', crmC1),
    decision: false,
  },
  {
    name: 'a role inherits through an action naming another role',
    request: at(['inh'], 'component:view', crmC1),
    decision: true,
  },
  {
    name: 'inheritance is per action',
    request: at(['inh'], 'component:create', crmC1),
    decision: false,
  },
  {
    name: 'inheritance follows chains',
    request: at(['chain'], 'secret:view'),
    decision: true,
  },
  // Subjects
  {
    name: 'claim and value are joined with a colon',
    request: at(['a'], 'component:view', crmC1, undefined, 'groups:team'),
    decision: true,
  },
  {
    name: 'no values: no access',
    request: at([], 'component:view', crmC1),
    decision: false,
  },
  // Conditions
  {
    name: 'the first condition entry for create',
    request: at(['cond'], 'releasebinding:create', crmC1, {
      environment: 'acme/dev',
    }),
    decision: true,
  },
  {
    name: 'entries are ORed',
    request: at(['cond'], 'releasebinding:create', crmC1, {
      environment: 'acme/staging',
    }),
    decision: true,
  },
  {
    name: 'only entries naming the action apply',
    request: at(['cond'], 'releasebinding:update', crmC1, {
      environment: 'acme/staging',
    }),
    decision: false,
  },
  {
    name: 'a missing attribute is the empty string',
    request: at(['cond'], 'releasebinding:create', crmC1),
    decision: false,
  },
  {
    name: 'an action no entry names is granted unconditionally',
    request: at(['cond'], 'releasebinding:delete', crmC1),
    decision: true,
  },
  {
    name: 'a condition on an action with its attribute',
    request: at(['cond'], 'component:create', crmC1, { componentType: 'web' }),
    decision: true,
  },
  {
    name: 'a condition on an action without attributes errors; allow fails closed',
    request: at(['cond'], 'component:view', crmC1, { componentType: 'web' }),
    decision: false,
  },
  {
    name: 'deny condition true',
    request: at(['conddeny'], 'releasebinding:view', crmC1, {
      environment: 'acme/prod',
    }),
    decision: false,
  },
  {
    name: 'deny condition false',
    request: at(['conddeny'], 'releasebinding:view', crmC1, {
      environment: 'acme/dev',
    }),
    decision: true,
  },
  {
    name: 'a deny condition that errors denies',
    request: at(['conddeny'], 'component:view', crmC1, {
      componentType: 'api',
    }),
    decision: false,
  },
  {
    name: 'a deny no entry targets denies unconditionally',
    request: at(['conddeny'], 'component:create', crmC1),
    decision: false,
  },
  {
    name: 'a missing attribute reads as ""',
    request: at(['conddeny'], 'workflowrun:create', crmC1),
    decision: false,
  },
  {
    name: 'an error outweighs a sibling entry that is true',
    request: at(['condmixed'], 'releasebinding:create', crmC1, {
      environment: 'acme/dev',
    }),
    decision: false,
  },
  {
    name: 'true || error is true',
    request: at(['condmixed'], 'releasebinding:view', crmC1, {
      environment: 'acme/dev',
    }),
    decision: true,
  },
  {
    name: 'has() of a registered attribute is true',
    request: at(['condmixed'], 'releasebinding:delete', crmC1),
    decision: true,
  },
  {
    name: 'an attribute not registered for the action errors',
    request: at(['condmixed'], 'workflowrun:update', crmC1, {
      environment: '',
    }),
    decision: false,
  },
];
