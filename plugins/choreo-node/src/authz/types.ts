import { AuthzRequestContext } from './celConditions';
import { AuthzResourceHierarchy } from './resourcePath';

/**
 * Who is asking, as OpenChoreo sees a caller: one claim of their token and
 * its values, e.g. `groups` = `['devs', 'oncall']`.
 */
export interface AuthzSubjectContext {
  /** `user`, `service_account`, ...; plays no part in the decision. */
  type?: string;
  claim: string;
  values: readonly string[];
}

/** One question: may `subject` do `action` on `resource`? */
export interface AuthzEvaluateRequest {
  subject: AuthzSubjectContext;
  /** `component:view`, `releasebinding:*`, `*`, or any other string. */
  action: string;
  resource: {
    /** Must not be empty; does not affect the decision. */
    type: string;
    /** Only quoted in the reason. */
    id?: string;
    /** Empty or absent: the cluster itself. */
    hierarchy?: AuthzResourceHierarchy;
  };
  /** Attributes conditions can read (only those registered for the action). */
  context?: AuthzRequestContext;
}

/** The answer, with OpenChoreo's reason text. */
export interface AuthzDecision {
  decision: boolean;
  reason: string;
}
