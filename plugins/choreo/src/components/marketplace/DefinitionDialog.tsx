import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, catalogApiRef } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { ChoreoErrorPanel, LoadingState } from '../shared';
import { MarketplaceEndpoint } from './marketplaceEndpoints';

/** Highlighting for the definition's format. */
function languageOf(apiType: string, definition: string): string {
  if (apiType === 'graphql') return 'graphql';
  if (apiType === 'grpc') return 'protobuf';
  if (apiType === 'openapi' || apiType === 'asyncapi') {
    return definition.trimStart().startsWith('{') ? 'json' : 'yaml';
  }
  return 'text';
}

/** The endpoint's API definition as published in its Workload, loaded when opened. */
export const DefinitionDialog = (props: {
  endpoint: MarketplaceEndpoint;
  onClose: () => void;
}) => {
  const { endpoint, onClose } = props;
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(
    () => catalogApi.getEntityByRef(endpoint.ref),
    [catalogApi, endpoint.ref],
  );
  const definition =
    typeof value?.spec?.definition === 'string' ? value.spec.definition : '';
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="definition-title"
    >
      <DialogTitle id="definition-title">
        {endpoint.title}: API definition
      </DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="textSecondary" paragraph>
          {endpoint.type} endpoint <code>{endpoint.endpoint}</code> of{' '}
          {endpoint.component} ({endpoint.projectTitle})
          {endpoint.apiType ? `, ${endpoint.apiType}` : ''}.
        </Typography>
        {loading ? <LoadingState what="the definition" /> : null}
        {error ? (
          <ChoreoErrorPanel action="load the definition" error={error} />
        ) : null}
        {!loading && !error && !value ? (
          <Typography>
            The API entity {endpoint.ref} is no longer in the catalog.
          </Typography>
        ) : null}
        {definition ? (
          <CodeSnippet
            text={definition}
            language={languageOf(endpoint.apiType, definition)}
            showCopyCodeButton
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Typography
          variant="body2"
          style={{ marginRight: 'auto', paddingLeft: 8 }}
        >
          <EntityRefLink entityRef={endpoint.ref} title="Open the API page" />
        </Typography>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
