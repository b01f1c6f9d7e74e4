import { useApi } from '@backstage/frontend-plugin-api';
import { Alert } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { ChoreoSourceStatus } from '@choreo-for-backstage/plugin-choreo-common';
import { choreoApiRef } from '../../api/choreoApi';
import { problemText, sourceWarnings, unreadableCount } from './sourceHealth';

const SourceAlert = ({ source }: { source: ChoreoSourceStatus }) => {
  // the plain words are for everyone; the details only come to people
  // allowed to see paths and server URLs
  const details = source.details
    ? [
        source.details.message,
        ...source.details.problems.slice(0, 3).map(problemText),
      ]
    : [];
  const description = [
    source.whatToDo,
    unreadableCount(source),
    ...details,
  ].filter((part): part is string => !!part);
  return (
    <Alert
      role="alert"
      status={source.state === 'failing' ? 'danger' : 'warning'}
      icon
      title={`Source ${source.source}: ${source.summary}`}
      description={description.length ? description.join(' · ') : undefined}
    />
  );
};

/**
 * Warns when a Choreo source the page's data comes from is stale or failing,
 * saying what that means and what to do. Shows nothing while loading, when
 * all are synced, or when the status itself cannot be read (the page's own
 * error says more).
 */
export const SourceHealthBanner = () => {
  const api = useApi(choreoApiRef);
  const { value } = useAsync(() => api.getSources(), [api]);
  const warnings = sourceWarnings(value?.items ?? []);
  if (warnings.length === 0) return null;
  return (
    <Box mb={2} display="grid" style={{ gap: 8 }}>
      {warnings.map(s => (
        <SourceAlert key={s.source} source={s} />
      ))}
    </Box>
  );
};
