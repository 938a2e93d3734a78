"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export type SelectOption<T extends string> = { value: T; label: string };

type OptionSelectProps<T extends string> = {
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  /** id or aria-label (the select needs a name), size and width of the button. */
  trigger: React.ComponentProps<typeof SelectTrigger>;
};

/** A Radix select over a fixed list; only values from `options` ever reach onChange, typed as they were given. */
export function OptionSelect<T extends string>({ value, options, onChange, disabled, trigger }: OptionSelectProps<T>) {
  return (
    <Select
      value={value}
      disabled={disabled}
      onValueChange={(picked) => {
        const option = options.find((candidate) => candidate.value === picked);
        if (option) onChange(option.value);
      }}
    >
      <SelectTrigger {...trigger}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
