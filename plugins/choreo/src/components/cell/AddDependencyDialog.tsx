import { CodeSnippet } from '@backstage/core-components';
import { Alert } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  CreateResponse,
  SuggestedDependency,
} from '@choreo-for-backstage/plugin-choreo-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { choreoApiRef } from '../../api/choreoApi';
import { ChoreoErrorPanel } from '../shared';
import { dependencyRequestOf } from './cellTraffic';

/** The entry as it will appear in the Workload, so nobody has to guess what "add" writes. */
function workloadSnippet(
  body: NonNullable<ReturnType<typeof dependencyRequestOf>>,
) {
  const lines = [
    'dependencies:',
    '  endpoints:',
    ...(body.project
      ? [`    - project: ${body.project}`, `      component: ${body.component}`]
      : [`    - component: ${body.component}`]),
    `      name: ${body.name}`,
    `      visibility: ${body.visibility}`,
  ];
  return lines.join('\n');
}

/**
 * Confirms and sends "Add this dependency" for a dropped call: says which
 * component's Workload changes and exactly what entry it gets.
 */
export const AddDependencyDialog = (props: {
  namespace: string;
  suggestion: SuggestedDependency;
  onClose: () => void;
  onAdded: (result: CreateResponse) => void;
}) => {
  const { namespace, suggestion } = props;
  const api = useApi(choreoApiRef);
  const body = dependencyRequestOf(suggestion);
  const consumer = suggestion.from.component;
  const target = `${suggestion.project ? `${suggestion.project}/` : ''}${
    suggestion.component
  }`;
  const [state, setState] = useState<
    | { phase: 'idle' | 'sending' }
    | { phase: 'done'; result: CreateResponse }
    | { phase: 'failed'; error: unknown }
  >({ phase: 'idle' });

  const add = async () => {
    if (!body) return;
    setState({ phase: 'sending' });
    try {
      const result = await api.addDependency(
        { namespace, name: consumer },
        body,
      );
      setState({ phase: 'done', result });
      props.onAdded(result);
    } catch (error) {
      setState({ phase: 'failed', error });
    }
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="add-dependency-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="add-dependency-title">
        Add a dependency of {consumer} on {target}
      </DialogTitle>
      <DialogContent>
        {!body ? (
          <Typography variant="body2">
            No endpoint of {target} listens on the port this call used, so there
            is no dependency to declare. Add the endpoint to{' '}
            {suggestion.component} first.
          </Typography>
        ) : (
          <>
            <Typography variant="body2" gutterBottom>
              The Workload of <b>{consumer}</b> (project{' '}
              {suggestion.from.project}) gets this entry; OpenChoreo then allows
              the call in its network policy:
            </Typography>
            <CodeSnippet language="yaml" text={workloadSnippet(body)} />
            {suggestion.endpointNeedsVisibility && (
              <Alert
                mt="2"
                status="warning"
                icon
                title={`Endpoint '${body.name}' of ${target} is only visible inside project ${suggestion.project}`}
                description={`The call stays blocked until its owners add '${suggestion.endpointNeedsVisibility}' visibility to it.`}
              />
            )}
          </>
        )}
        {state.phase === 'done' && (
          <Alert
            mt="2"
            role="status"
            status="success"
            icon
            title={`Added the dependency to ${consumer}${
              state.result.commit
                ? ` (commit ${state.result.commit.slice(0, 8)})`
                : ''
            }`}
            description={state.result.warnings.join(' ') || undefined}
          />
        )}
        {state.phase === 'failed' && (
          <div style={{ marginTop: 8 }}>
            <ChoreoErrorPanel
              action={`add a dependency to ${consumer}`}
              error={state.error}
            />
          </div>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>
          {state.phase === 'done' ? 'Close' : 'Cancel'}
        </Button>
        {state.phase !== 'done' && body && (
          <Button
            color="primary"
            variant="contained"
            onClick={add}
            disabled={state.phase === 'sending'}
          >
            Add dependency
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};
