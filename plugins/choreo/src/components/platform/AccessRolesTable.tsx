import { AccessRole } from '@choreo-for-backstage/plugin-choreo-common';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { placeOf } from './accessWords';
import { PlatformTable } from './PlatformTable';

/** OpenChoreo roles with the actions they grant. */
export const AccessRolesTable = ({ roles }: { roles: AccessRole[] }) => (
  <PlatformTable label="Roles" columns={['Role', 'Where', 'Actions']}>
    {roles.map(role => (
      <TableRow key={`${role.kind}/${placeOf(role)}`}>
        <TableCell>
          {role.name}
          {role.description ? (
            <Typography variant="body2" color="textSecondary">
              {role.description}
            </Typography>
          ) : null}
        </TableCell>
        <TableCell style={{ whiteSpace: 'nowrap' }}>
          {role.namespace ? `namespace ${role.namespace}` : 'cluster-wide'}
        </TableCell>
        <TableCell>
          {role.actions.map((action, i) => (
            <span key={action}>
              {i > 0 ? ', ' : ''}
              <code>{action}</code>
            </span>
          ))}
        </TableCell>
      </TableRow>
    ))}
  </PlatformTable>
);
