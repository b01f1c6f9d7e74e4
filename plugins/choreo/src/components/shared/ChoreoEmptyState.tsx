import { EmptyState } from '@backstage/core-components';

/**
 * Nothing to show yet. `description` says what to do about it (for example
 * "Start a build with the Build button"), not merely that the list is empty.
 */
export const ChoreoEmptyState = (props: {
  title: string;
  description: string | JSX.Element;
  action?: JSX.Element;
}) => (
  <EmptyState
    missing="data"
    title={props.title}
    description={props.description}
    action={props.action}
  />
);
