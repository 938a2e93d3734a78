import { cn } from "@/lib/utils";
import type { OptionField } from "./read-options-schema";

type ChoiceField = Extract<OptionField, { kind: "enum" }>;

// Up to this many choices show as a row of radio buttons; more become a select.
const MAX_RADIOS = 5;

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50 dark:bg-input/30";

/** An enum option: a radio group (a fieldset named by its legend) or a native select. */
export function OptionChoiceField(props: { field: ChoiceField; id: string; value: string; hintId?: string; onChange: (value: string) => void }) {
  const { field, id, value, hintId, onChange } = props;
  const blank = field.optional ? [{ value: "", label: "Not set" }] : [];
  if (field.values.length > MAX_RADIOS) {
    return (
      <select id={id} className={selectClass} value={value} aria-describedby={hintId} onChange={(event) => onChange(event.target.value)}>
        {[...blank, ...field.values].map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {[...(value === "" ? blank : []), ...field.values].map((choice) => (
        <label
          key={choice.value}
          className={cn(
            "inline-flex h-9 cursor-pointer items-center rounded-md border border-input px-4 text-sm font-medium transition-colors select-none hover:bg-accent",
            "has-checked:border-primary has-checked:bg-primary has-checked:text-primary-foreground",
            "has-focus-visible:ring-[3px] has-focus-visible:ring-ring/50 has-disabled:cursor-not-allowed has-disabled:opacity-50",
          )}
        >
          <input
            type="radio"
            className="sr-only"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            aria-describedby={hintId}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
