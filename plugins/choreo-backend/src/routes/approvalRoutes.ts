import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditLog } from '../database/AuditLog';
import { ApprovalService } from '../service/ApprovalService';
import { callerOf, parse } from './requestContext';

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
  approvals: ApprovalService;
  audit: AuditLog;
}) {
  const { httpAuth, approvals, audit } = deps;
  const router = Router();

  router.get('/promotion-requests', async (req, res) => {
    await callerOf(httpAuth, req);
    const { component } = parse(requestsQuery, req.query, 'query');
    res.json({ items: await approvals.list(component) });
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/promotion-requests/:id/${decision}`, async (req, res) => {
      const { id } = parse(idParams, req.params, 'request id');
      const caller = await callerOf(httpAuth, req);
      const body = parse(decisionBody, req.body, 'request body');
      res.json(await approvals[decision](id, caller, body?.comment));
    });
  }

  router.get('/audit', async (req, res) => {
    await callerOf(httpAuth, req);
    const query = parse(auditQuery, req.query, 'query');
    res.json({ items: await audit.list(query) });
  });

  return router;
}
