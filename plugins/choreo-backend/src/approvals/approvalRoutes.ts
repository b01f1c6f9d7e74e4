import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { choreoAuditReadPermission } from '@choreo-for-backstage/plugin-choreo-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditLog } from '../audit/AuditLog';
import {
  ComponentAuthorizer,
  actorOf,
} from '../permissions/ComponentAuthorizer';
import { ApprovalService } from './ApprovalService';
import { callerOf, parse } from '../shared/requestContext';

const decisionBody = z
  .object({ comment: z.string().max(2000).optional() })
  .optional();
const auditQuery = z.object({
  target: z.string().optional(),
  actor: z.string().optional(),
  action: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const requestsQuery = z.object({ component: z.string().optional() });
const idParams = z.object({ id: z.string().uuid('must be a request id') });

/** Promotion requests (four-eyes approval) and the audit log. */
export function approvalRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  authorizer: ComponentAuthorizer;
  approvals: ApprovalService;
  audit: AuditLog;
}) {
  const { httpAuth, permissions, authorizer, approvals, audit } = deps;
  const router = Router();

  // only requests for components the caller may read: they name releases and people
  router.get('/promotion-requests', async (req, res) => {
    const { credentials } = await callerOf(httpAuth, req);
    const { component } = parse(requestsQuery, req.query, 'query');
    const requests = await approvals.list(component);
    const readable = await authorizer.readable(
      credentials,
      requests.map(r => r.componentRef),
    );
    res.json({ items: requests.filter(r => readable.has(r.componentRef)) });
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/promotion-requests/:id/${decision}`, async (req, res) => {
      const { id } = parse(idParams, req.params, 'request id');
      const caller = await callerOf(httpAuth, req);
      const body = parse(decisionBody, req.body, 'request body');
      res.json(await approvals[decision](id, caller, body?.comment));
    });
  }

  // the whole log spans every component and every person: its own permission
  router.get('/audit', async (req, res) => {
    const { credentials } = await callerOf(httpAuth, req);
    const query = parse(auditQuery, req.query, 'query');
    const [decision] = await permissions.authorize(
      [{ permission: choreoAuditReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not read the audit log: the permission policy denies '${
          choreoAuditReadPermission.name
        }' for ${actorOf(credentials)}`,
      );
    }
    res.json({ items: await audit.list(query) });
  });

  return router;
}
