// Clear states every Choreo tab uses: loading, empty, source health, permission denied, error.
export { LoadingState } from './LoadingState';
export { ChoreoEmptyState } from './ChoreoEmptyState';
export { SourceHealthBanner } from './SourceHealthBanner';
export { sourceWarnings } from './sourceHealth';
export { PermissionDenied } from './PermissionDenied';
export { ChoreoErrorPanel } from './ChoreoErrorPanel';
export { isPermissionDenied, messageOf, statusCodeOf } from './responseErrors';
export { timeAgo, formatDuration } from './relativeTime';
export { useComponentPermission } from './useComponentPermission';
export type { ComponentPermission } from './useComponentPermission';
export { DeploymentStatusChip } from './DeploymentStatusChip';
export { ActionOutcomeAlert } from './ActionOutcomeAlert';
export type { ShownOutcome } from './ActionOutcomeAlert';
export { LabelledStatus } from './LabelledStatus';
