"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export type FilterOption<T extends string> = { value: T; label: string };

type FilterSelectProps<T extends string> = {
  id: string;
  label: string;
  value: T;
  options: readonly FilterOption<T>[];
  /** Tailwind width of the trigger, e.g. "w-40". */
  width: string;
  onChange: (value: T) => void;
};

/** A labelled select of a dashboard filter bar; only values from `options` ever reach onChange. */
export function FilterSelect<T extends string>({ id, label, value, options, width, onChange }: FilterSelectProps<T>) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select
        value={value}
        onValueChange={(picked) => {
          const option = options.find((candidate) => candidate.value === picked);
          if (option) onChange(option.value);
        }}
      >
        <SelectTrigger id={id} className={width}>
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
    </div>
  );
}
