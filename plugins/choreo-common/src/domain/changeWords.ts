import { RequestedChange } from '../api/approvals';

/** "promote r2 from staging", "roll back to r1", "undeploy", ...: a change in words. */
export function describeChange(change: RequestedChange): string {
  switch (change.kind) {
    case 'promote':
      return `promote ${change.releaseName} from ${change.from}`;
    case 'rollback':
      return `roll back to ${change.releaseName}`;
    default:
      return change.kind;
  }
}
