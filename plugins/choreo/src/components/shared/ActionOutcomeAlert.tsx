import { Alert, Button } from '@backstage/ui';
import Box from '@material-ui/core/Box';

export interface ShownOutcome {
  status: 'success' | 'info' | 'danger';
  title: string;
  /** What happens next, when the title cannot say it all. */
  detail?: string;
  warnings: string[];
}

/** The backend's answer to the last action, warnings included, until dismissed. */
export const ActionOutcomeAlert = (props: {
  outcome: ShownOutcome;
  onDismiss: () => void;
}) => {
  const { outcome } = props;
  return (
    <Box mb={2}>
      <Alert
        role={outcome.status === 'danger' ? 'alert' : 'status'}
        status={outcome.status}
        icon
        title={outcome.title}
        description={
          outcome.detail || outcome.warnings.length ? (
            <>
              {outcome.detail && <p style={{ margin: 0 }}>{outcome.detail}</p>}
              {outcome.warnings.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {outcome.warnings.map(w => (
                    <li key={w}>Warning: {w}</li>
                  ))}
                </ul>
              )}
            </>
          ) : undefined
        }
        customActions={
          <Button size="small" variant="tertiary" onPress={props.onDismiss}>
            Dismiss
          </Button>
        }
      />
    </Box>
  );
};
