import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReactNode } from 'react';

/** The select's value for the "All …" / "Any …" choice. */
const NO_FILTER = '';

export interface FilterOption {
  value: string;
  label: ReactNode;
  /** React key when values may repeat; the value otherwise. */
  key?: string;
}

type FilterSelectProps = {
  id: string;
  label: string;
  options: ReadonlyArray<string | FilterOption>;
  minWidth?: number;
} & (
  | {
      /** Label of a first choice that turns the filter off (value `undefined`). */
      anyLabel: string;
      value: string | undefined;
      onChange: (value: string | undefined) => void;
    }
  | {
      /** Without `anyLabel` one of the options is always chosen. */
      anyLabel?: undefined;
      value: string;
      onChange: (value: string) => void;
    }
);

/** A labelled dropdown of a filter bar. */
export const FilterSelect = (props: FilterSelectProps) => {
  const change = (value: string) => {
    if (props.anyLabel === undefined) props.onChange(value);
    else props.onChange(value === NO_FILTER ? undefined : value);
  };
  return (
    // a TextField keeps the label above the field even when "All …" (the empty value) is shown
    <TextField
      select
      id={props.id}
      label={props.label}
      value={props.value ?? NO_FILTER}
      onChange={e => change(String(e.target.value))}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
      SelectProps={{ displayEmpty: true }}
      style={{ minWidth: props.minWidth ?? 160 }}
    >
      {props.anyLabel === undefined ? null : (
        <MenuItem value={NO_FILTER}>{props.anyLabel}</MenuItem>
      )}
      {props.options.map(option => {
        const { value, label, key } =
          typeof option === 'string'
            ? { value: option, label: option, key: option }
            : option;
        return (
          <MenuItem key={key ?? value} value={value}>
            {label}
          </MenuItem>
        );
      })}
    </TextField>
  );
};
