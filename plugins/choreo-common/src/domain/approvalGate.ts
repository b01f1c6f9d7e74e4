import { Environment } from '../resources';
import { PromotionGraph } from './promotionGraph';

/** Every change to what runs in an environment that the four-eyes gate can hold. */
export const CHANGE_KINDS = [
  'promote',
  'rollback',
  'undeploy',
  'redeploy',
  'restart',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** `choreo.approvals`, read and checked. */
export interface ApprovalSettings {
  /** False only when a platform team turned four-eyes off on purpose. */
  enabled: boolean;
  /** Environments that need approval besides the production ones. */
  environments: readonly string[];
  /** Which changes wait for approval in those environments. */
  changes: readonly ChangeKind[];
}

/** The safe default: production changes of every kind wait for a second person. */
export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = {
  enabled: true,
  environments: [],
  changes: CHANGE_KINDS,
};

/**
 * Whether changes in an environment need someone else's approval: a
 * production environment (`spec.isProduction`), one named in the settings,
 * or one no source knows (`environment` undefined) — a gap in the data must
 * never let a change into production unapproved.
 */
export function environmentNeedsApproval(
  settings: ApprovalSettings,
  name: string,
  environment: Pick<Environment, 'spec'> | undefined,
): boolean {
  if (!settings.enabled) return false;
  if (!environment) return true;
  return (
    environment.spec?.isProduction === true ||
    settings.environments.includes(name)
  );
}

/** Whether this kind of change in this environment waits for approval. */
export function changeNeedsApproval(
  settings: ApprovalSettings,
  change: ChangeKind,
  name: string,
  environment: Pick<Environment, 'spec'> | undefined,
): boolean {
  return (
    settings.changes.includes(change) &&
    environmentNeedsApproval(settings, name, environment)
  );
}

/**
 * Why a pipeline must not be used, or undefined: when its first environment
 * needs approval, OpenChoreo's autoDeploy puts every build there with nobody
 * approving it, so the gate would be a fiction.
 */
export function gatedFirstEnvironmentProblem(
  graph: Pick<PromotionGraph, 'root' | 'pipelineName'>,
  needsApproval: (environment: string) => boolean,
): string | undefined {
  if (!graph.root || !needsApproval(graph.root)) return undefined;
  return `The first environment of ${
    graph.pipelineName ? `pipeline '${graph.pipelineName}'` : 'the pipeline'
  }, '${
    graph.root
  }', needs approval, but OpenChoreo deploys every build of an autoDeploy component there without asking anyone. Start the pipeline with an environment that does not need approval (e.g. development) and promote from there.`;
}
