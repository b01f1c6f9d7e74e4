import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { EnvironmentDeployment } from '@choreo-for-backstage/plugin-choreo-common';

type DeploymentState = EnvironmentDeployment['status']['state'];

const LABELS: Record<DeploymentState, string> = {
  ready: 'Ready',
  progressing: 'Progressing',
  failed: 'Failed',
  undeployed: 'Undeployed',
  unknown: 'Unknown',
  'not-deployed': 'Not deployed',
};

import { LabelledStatus as Labelled } from './LabelledStatus';

/** The state as a coloured word, the way catalog pages show status. */
export const DeploymentStatusChip = ({ state }: { state: DeploymentState }) => {
  const label = LABELS[state] ?? state;
  switch (state) {
    case 'ready':
      return <Labelled icon={<StatusOK />} label={label} />;
    case 'progressing':
      return <Labelled icon={<StatusRunning />} label={label} />;
    case 'failed':
      return <Labelled icon={<StatusError />} label={label} />;
    case 'undeployed':
      return <Labelled icon={<StatusAborted />} label={label} />;
    case 'not-deployed':
      return <Labelled icon={<StatusPending />} label={label} />;
    default:
      return <Labelled icon={<StatusWarning />} label={label} />;
  }
};
