import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { SamplePerson } from './samplePeopleClient';

/** The sample's people, one button each: who they are, what they may do, their team. */
export function SamplePeopleList(props: {
  people: SamplePerson[];
  onPick(person: SamplePerson): void;
}) {
  return (
    <List aria-label="People of the sample organization">
      {props.people.map(person => (
        <ListItem
          key={person.userEntityRef}
          button
          divider
          onClick={() => props.onPick(person)}
        >
          <ListItemText
            primary={person.displayName}
            secondary={person.description}
          />
          {person.teams.map(team => (
            <Chip
              key={team.entityRef}
              label={team.displayName}
              size="small"
              variant="outlined"
            />
          ))}
        </ListItem>
      ))}
    </List>
  );
}
