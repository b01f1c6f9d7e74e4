import { useApi } from '@backstage/frontend-plugin-api';
import { Alert } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { ChoreoSourceStatus } from '@choreo-for-backstage/plugin-choreo-common';
import { choreoApiRef } from '../../api/choreoApi';
import { sourceWarnings } from './sourceHealth';

const SourceAlert = ({ source }: { source: ChoreoSourceStatus }) => {
  const failing = source.state === 'failing';
  const problems = source.problems.slice(0, 3).map(p => {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
    return `${where}${p.message}`;
  });
  return (
    <Alert
      role="alert"
      status={failing ? 'danger' : 'warning'}
      icon
      title={`Source ${source.source} is ${source.state}: what you see may be out of date`}
      description={[
        source.message ?? 'No new data arrived recently.',
        ...problems,
      ].join(' · ')}
    />
  );
};

/**
 * Warns when a Choreo source the page's data comes from is stale or failing,
 * with its message. Shows nothing while loading, when all are synced, or when
 * the status itself cannot be read (the page's own error says more).
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
