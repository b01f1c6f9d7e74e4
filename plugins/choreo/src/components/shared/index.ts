// Clear states every Choreo tab uses: loading, empty, source health, permission denied, error;
// and what the user may do, with the OpenChoreo roles that would allow the rest.
export { LoadingState } from './LoadingState';
export { ChoreoEmptyState } from './ChoreoEmptyState';
export { SourceHealthBanner } from './SourceHealthBanner';
export { problemText, sourceWarnings, unreadableCount } from './sourceHealth';
export { PermissionDenied } from './PermissionDenied';
export { ChoreoErrorPanel } from './ChoreoErrorPanel';
export { isPermissionDenied, messageOf, statusCodeOf } from './responseErrors';
export { timeAgo, timeUntil, formatDuration } from './relativeTime';
export { useChoreoPermission } from './useChoreoPermission';
export type { ChoreoPermissionState } from './useChoreoPermission';
export {
  ChoreoAccessProvider,
  useAccessOverview,
} from './ChoreoAccessProvider';
export type { AccessState } from './ChoreoAccessProvider';
export { orList, roleNamesGranting, roleNeeded } from './accessHintWords';
export { PermissionButton } from './PermissionButton';
export { DeploymentStatusChip } from './DeploymentStatusChip';
export { ActionOutcomeAlert } from './ActionOutcomeAlert';
export { useConfirmedWrite } from './useConfirmedWrite';
export type { Confirmation } from './useConfirmedWrite';
export { newIdempotencyKey } from './newIdempotencyKey';
export type { ShownOutcome } from './ActionOutcomeAlert';
export { LabelledStatus } from './LabelledStatus';
