import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  ChangeRequestState,
  ChoreoResourceScope,
  OPEN_CHANGE_REQUEST_STATES,
  choreoAuditReadPermission,
  choreoComponentReadPermission,
  choreoResourceRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditLog } from '../audit/AuditLog';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { callerOf } from '../shared/caller';
import { IdempotencyKeys } from '../shared/IdempotencyKeys';
import { parse } from '../shared/requestContext';
import { ChangeGate } from './ChangeGate';
import { ChangeRequestStore } from './ChangeRequestStore';

const decisionBody = z
  .object({ comment: z.string().max(2000).optional() })
  .strict()
  .optional();
const approveBody = z
  .object({
    comment: z.string().max(2000).optional(),
    // the approver confirmed taking over fields another manager owns
    takeOver: z.boolean().optional(),
  })
  .strict()
  .optional();
const auditQuery = z.object({
  target: z.string().max(300).optional(),
  actor: z.string().max(300).optional(),
  action: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const STATES: [ChangeRequestState, ...ChangeRequestState[]] = [
  'pending',
  'applying',
  'applied',
  'failed',
  'rejected',
  'withdrawn',
  'expired',
  'stale',
];
const requestsQuery = z.object({
  component: z
    .string()
    .regex(/^component:[^/]+\/[^/]+$/, 'must be component:<namespace>/<name>')
    .optional(),
  state: z.enum(STATES).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
const idParams = z.object({ id: z.string().uuid('must be a request id') });

/** Change requests (four-eyes approval) and the audit log. */
export function approvalRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  gate: ChangeGate;
  requests: ChangeRequestStore;
  audit: AuditLog;
  idempotency: IdempotencyKeys;
}) {
  const { httpAuth, authorizer, gate, requests, audit, idempotency } = deps;
  const router = Router();

  /** The component of a request as permissions see it; undefined when it is gone. */
  const scopeOf = (componentRef: string): ChoreoResourceScope | undefined => {
    const [, namespace, name] =
      /^component:([^/]+)\/(.+)$/.exec(componentRef) ?? [];
    const component = namespace
      ? deps.store.get('Component', name, namespace)
      : undefined;
    return component
      ? {
          namespace,
          project: component.spec.owner.projectName,
          component: name,
        }
      : undefined;
  };

  // a page at a time, and only requests of components the caller may read:
  // they name releases and people
  router.get('/change-requests', async (req, res) => {
    const { credentials } = await callerOf(httpAuth, req);
    const query = parse(requestsQuery, req.query, 'query');
    // settle expired and interrupted requests before showing them
    await gate.sweep();
    const page = await requests.page({
      componentRefs: query.component ? [query.component] : undefined,
      states: query.open === 'true' ? OPEN_CHANGE_REQUEST_STATES : undefined,
      state: query.state,
      limit: query.limit,
      cursor: query.cursor,
    });
    const scopes = new Map(
      page.items.map(r => [r.componentRef, scopeOf(r.componentRef)]),
    );
    const readable = await authorizer.readable(
      credentials,
      choreoComponentReadPermission,
      [...scopes.values()].filter((s): s is ChoreoResourceScope => !!s),
    );
    res.json({
      items: page.items.filter(r => {
        const scope = scopes.get(r.componentRef);
        return scope && readable.has(choreoResourceRef(scope));
      }),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    });
  });

  // who asks comes first: a service is refused (403) whatever the input
  router.post('/change-requests/:id/approve', async (req, res) => {
    const caller = await callerOf(httpAuth, req, { write: true });
    const { id } = parse(idParams, req.params, 'request id');
    const body = parse(approveBody, req.body, 'request body');
    await idempotency.respond(req, res, caller, async () => ({
      status: 200,
      body: await gate.approve(id, caller, body?.comment, body?.takeOver),
    }));
  });

  for (const decision of ['reject', 'withdraw'] as const) {
    router.post(`/change-requests/:id/${decision}`, async (req, res) => {
      const caller = await callerOf(httpAuth, req, { write: true });
      const { id } = parse(idParams, req.params, 'request id');
      const body = parse(decisionBody, req.body, 'request body');
      await idempotency.respond(req, res, caller, async () => ({
        status: 200,
        body: await gate.decline(id, decision, caller, body?.comment),
      }));
    });
  }

  // the whole log spans every component and every person: its own permission
  router.get('/audit', async (req, res) => {
    const { credentials } = await callerOf(httpAuth, req);
    const query = parse(auditQuery, req.query, 'query');
    await authorizer.authorizeBasic(
      credentials,
      choreoAuditReadPermission,
      'read the audit log',
    );
    res.json({ items: await audit.list(query) });
  });

  return router;
}
