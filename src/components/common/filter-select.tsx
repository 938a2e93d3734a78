"use client";

import { Label } from "@/components/ui/label";
import { OptionSelect, type SelectOption } from "./option-select";

export type FilterOption<T extends string> = SelectOption<T>;

type FilterSelectProps<T extends string> = {
  id: string;
  label: string;
  value: T;
  options: readonly FilterOption<T>[];
  /** Tailwind width of the trigger, e.g. "w-40". */
  width: string;
  onChange: (value: T) => void;
};

/** A labelled select of a filter bar (dashboard, audit log); only values from `options` ever reach onChange. */
export function FilterSelect<T extends string>({ id, label, value, options, width, onChange }: FilterSelectProps<T>) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <OptionSelect value={value} options={options} onChange={onChange} trigger={{ id, className: width }} />
    </div>
  );
}
