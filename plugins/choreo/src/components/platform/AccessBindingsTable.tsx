import { AccessBinding } from '@choreo-for-backstage/plugin-choreo-common';
import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { alpha, useTheme } from '@material-ui/core/styles';
import { mappingWords, placeOf } from './accessWords';
import { PlatformTable } from './PlatformTable';

const Mapping = (props: {
  binding: AccessBinding;
  mapping: AccessBinding['roleMappings'][number];
}) => (
  <div>
    <Typography variant="body2">
      {mappingWords(props.binding, props.mapping)}
    </Typography>
    {props.mapping.conditions.map(c => (
      <Typography
        key={`${c.expression}/${c.actions.join()}`}
        variant="body2"
        color="textSecondary"
        component="div"
      >
        only when <code>{c.expression}</code>
        {c.actions.length ? ` (for ${c.actions.join(', ')})` : ''}
      </Typography>
    ))}
  </div>
);

/**
 * OpenChoreo bindings: who gets which roles where. A deny binding overrides
 * any allow, so it stands out.
 */
export const AccessBindingsTable = (props: { bindings: AccessBinding[] }) => {
  const theme = useTheme();
  return (
    <PlatformTable label="Bindings" columns={['Binding', 'Gives', 'Effect']}>
      {props.bindings.map(binding => {
        const deny = binding.effect === 'deny';
        return (
          <TableRow
            key={`${binding.kind}/${placeOf(binding)}`}
            style={
              deny
                ? { backgroundColor: alpha(theme.palette.error.main, 0.08) }
                : undefined
            }
          >
            <TableCell>{placeOf(binding)}</TableCell>
            <TableCell>
              {binding.roleMappings.map((mapping, i) => (
                <Mapping key={i} binding={binding} mapping={mapping} />
              ))}
            </TableCell>
            <TableCell>
              {deny ? (
                <Chip
                  size="small"
                  label="deny"
                  style={{
                    backgroundColor: theme.palette.error.main,
                    color: theme.palette.error.contrastText,
                  }}
                />
              ) : (
                <Chip size="small" variant="outlined" label="allow" />
              )}
            </TableCell>
          </TableRow>
        );
      })}
    </PlatformTable>
  );
};
