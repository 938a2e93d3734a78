import { Play } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { OptionsForm } from "./options-form";
import type { OptionDrafts, OptionField } from "./read-options-schema";

type RunFormProps = {
  fields: readonly OptionField[];
  drafts: OptionDrafts;
  onDraftsChange: (drafts: OptionDrafts) => void;
  canRun: boolean;
  /** Why Run is disabled, or what will run. */
  hint: string;
  locked: boolean;
  error: string | null;
  onRun: () => void;
};

/** Options (when the tool has any) and the Run button, in one form so the browser validates the options first. */
export function RunForm({ fields, drafts, onDraftsChange, canRun, hint, locked, error, onRun }: RunFormProps) {
  return (
    <form
      className="grid gap-6"
      aria-label="Options and run"
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
    >
      {fields.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Options</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <OptionsForm fields={fields} drafts={drafts} disabled={locked} onChange={onDraftsChange} />
          </CardContent>
        </Card>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" size="lg" disabled={!canRun} aria-describedby="run-hint">
          <Play aria-hidden />
          Run
        </Button>
        <p id="run-hint" className="text-sm text-muted-foreground">
          {hint}
        </p>
      </div>
      {error ? (
        <Alert variant="destructive">
          <AlertTitle>Could not start the job</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}
