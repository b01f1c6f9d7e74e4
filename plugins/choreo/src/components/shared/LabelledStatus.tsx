/**
 * A status icon with its word. Backstage's status components hide their text
 * from screen readers (aria-hidden); here the word is what matters, so it
 * sits beside the icon where everyone gets it.
 */
export const LabelledStatus = (props: { icon: JSX.Element; label: string }) => (
  <span style={{ display: 'inline-flex', alignItems: 'center' }}>
    {props.icon}
    <span>{props.label}</span>
  </span>
);
