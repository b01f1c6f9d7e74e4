import { AuthzEvaluateRequest } from '../types';

/** One item of openchoreo-api's POST /api/v1/authz/evaluates body. */
export interface EvaluateRequestBody {
  subject_context: {
    type: string;
    entitlement_claim: string;
    entitlement_values: string[];
  };
  resource: {
    type: string;
    id?: string;
    hierarchy: {
      namespace?: string;
      project?: string;
      component?: string;
      resource?: string;
    };
  };
  action: string;
  context?: { resource: Record<string, string> };
}

/** The same question in openchoreo-api's wire format (snake_case, subject in every item). */
export function toEvaluateRequestBody(
  request: AuthzEvaluateRequest,
): EvaluateRequestBody {
  const resource: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.context?.resource ?? {})) {
    if (value !== undefined) resource[key] = value;
  }
  return {
    subject_context: {
      type: request.subject.type ?? 'user',
      entitlement_claim: request.subject.claim,
      entitlement_values: [...request.subject.values],
    },
    resource: {
      type: request.resource.type,
      ...(request.resource.id ? { id: request.resource.id } : {}),
      hierarchy: { ...request.resource.hierarchy },
    },
    action: request.action,
    ...(request.context ? { context: { resource } } : {}),
  };
}

/** A decision as openchoreo-api returns it. */
export interface DecisionBody {
  decision: boolean;
  context?: { reason?: string };
}
