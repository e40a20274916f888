// A time zone picker: every IANA zone the browser knows (the API checks the same names), with an
// optional first choice meaning "none of my own" (the profile's "the team's").
import { NativeSelect, type NativeSelectProps } from '@mantine/core';

const zones: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

interface Props extends Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> {
  value: string;
  onChange(zone: string): void;
  /** The label of an empty choice ('' as the value); none when every value must be a zone. */
  emptyLabel?: string;
}

export function TimeZoneSelect({ value, onChange, emptyLabel, ...props }: Props) {
  // A zone the browser does not list (an older one kept by the API) stays selectable.
  const data = [
    ...(emptyLabel !== undefined ? [{ value: '', label: emptyLabel }] : []),
    ...(value && !zones.includes(value) ? [value] : []),
    ...zones,
  ];
  return (
    <NativeSelect
      {...props}
      data={data}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
