import { applicableFields, type OptionDrafts, type OptionField as Field } from "./read-options-schema";
import { OptionField } from "./option-field";

/**
 * The tool's settings, generated from its options schema. Lives inside the run
 * form, so the browser checks min/max before anything is sent. Only the fields
 * that apply to the current choices are shown (Split's ranges with mode "ranges").
 */
export function OptionsForm(props: { fields: readonly Field[]; drafts: OptionDrafts; disabled: boolean; onChange: (drafts: OptionDrafts) => void }) {
  const { fields, drafts, disabled, onChange } = props;
  return (
    <fieldset disabled={disabled} className="grid gap-x-4 gap-y-6 sm:grid-cols-2">
      <legend className="sr-only">Options</legend>
      {/* Fields that do not apply to the current choices are hidden, not just ignored. */}
      {applicableFields(fields, drafts).map((field) => (
        <OptionField
          key={field.name}
          field={field}
          value={drafts[field.name] ?? ""}
          onChange={(value) => onChange({ ...drafts, [field.name]: value })}
        />
      ))}
    </fieldset>
  );
}
