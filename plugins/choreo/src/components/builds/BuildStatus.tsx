import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import {
  StatusSummary,
  WorkflowTaskPhase,
} from '@choreo-for-backstage/plugin-choreo-common';
import { LabelledStatus as Labelled } from '../shared';

/** A run's state in build words: a ready run is one that succeeded. */
export const BuildStatus = ({ state }: { state: StatusSummary['state'] }) => {
  switch (state) {
    case 'ready':
      return <Labelled icon={<StatusOK />} label="Succeeded" />;
    case 'progressing':
      return <Labelled icon={<StatusRunning />} label="Running" />;
    case 'failed':
      return <Labelled icon={<StatusError />} label="Failed" />;
    case 'undeployed':
      return <Labelled icon={<StatusAborted />} label="Stopped" />;
    default:
      return <Labelled icon={<StatusWarning />} label="Unknown" />;
  }
};

export const StepPhase = ({ phase }: { phase?: WorkflowTaskPhase }) => {
  switch (phase) {
    case 'Succeeded':
      return <StatusOK />;
    case 'Running':
      return <StatusRunning />;
    case 'Failed':
    case 'Error':
      return <StatusError />;
    case 'Skipped':
      return <StatusAborted />;
    default:
      return <StatusPending />;
  }
};
