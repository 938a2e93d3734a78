import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/utils";
import { OptionChoiceField } from "./option-choice-field";
import type { OptionField as Field } from "./read-options-schema";

const formatNumber = (value: number) => value.toLocaleString("en-US");

function hintFor(field: Field): string | null {
  const parts = [field.description];
  if (field.kind === "number" && field.min !== null && field.max !== null) {
    const range = `${field.integer ? "a whole number" : "a number"} from ${formatNumber(field.min)} to ${formatNumber(field.max)}`;
    parts.push(field.optional ? `Optional: ${range}.` : `${range.charAt(0).toUpperCase()}${range.slice(1)}.`);
  } else if (field.optional && field.kind !== "boolean") {
    parts.push("Optional.");
  }
  const hint = parts.filter(Boolean).join(" ");
  return hint || null;
}

/** One generated option: label, control and hint, wired together for assistive tech. */
export function OptionField(props: { field: Field; value: string | boolean; onChange: (value: string | boolean) => void }) {
  const { field, value, onChange } = props;
  const id = `option-${field.name}`;
  const hint = hintFor(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const hintText = hint ? (
    <p id={hintId} className="text-xs text-muted-foreground">
      {hint}
    </p>
  ) : null;

  if (field.kind === "boolean") {
    return (
      <div className="flex items-start gap-3 sm:col-span-2">
        <Switch id={id} checked={value === true} onCheckedChange={onChange} aria-describedby={hintId} className="mt-0.5" />
        <div className="grid gap-1">
          <Label htmlFor={id}>{field.label}</Label>
          {hintText}
        </div>
      </div>
    );
  }
  const text = typeof value === "string" ? value : "";
  if (field.kind === "enum") {
    return (
      <fieldset className="grid gap-2 sm:col-span-2">
        <legend className="mb-2 text-sm font-medium">{field.label}</legend>
        <OptionChoiceField field={field} id={id} value={text} hintId={hintId} onChange={onChange} />
        {hintText}
      </fieldset>
    );
  }
  return (
    <div className={cn("grid content-start gap-2", field.kind === "text" && !field.secret && "sm:col-span-2")}>
      <Label htmlFor={id}>{field.label}</Label>
      <Input
        id={id}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hintId}
        required={field.required}
        {...(field.kind === "number"
          ? { type: "number", inputMode: field.integer ? "numeric" : "decimal", step: field.integer ? 1 : "any", min: field.min ?? undefined, max: field.max ?? undefined }
          : {
              type: field.secret ? "password" : "text",
              autoComplete: "off",
              minLength: field.minLength ?? undefined,
              maxLength: field.maxLength ?? undefined,
              pattern: field.pattern ?? undefined,
            })}
      />
      {hintText}
    </div>
  );
}
