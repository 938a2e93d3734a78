"use client";

import { RotateCcw } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** "ownerPassword" → "Owner password", for the field labels. */
function labelFor(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Run again for a job whose passwords FileForge did not keep: asks for them,
 * then starts the job with them. Radix's dialog traps focus and closes on Escape.
 */
export function RerunWithPasswordsDialog({
  names,
  pending,
  disabled,
  onRerun,
}: {
  names: string[];
  pending: boolean;
  disabled: boolean;
  onRerun: (secretOptions: Record<string, string>) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const idPrefix = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await onRerun(values);
    } catch {
      return; // the caller's toast says why; the dialog stays open to try again
    }
    setValues({});
    setOpen(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setValues({});
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled || pending}>
          <RotateCcw aria-hidden />
          {pending ? "Starting…" : "Run again"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Enter the {names.length === 1 ? "password" : "passwords"} again</DialogTitle>
            <DialogDescription>FileForge does not keep passwords after a job ends, so this run needs them once more.</DialogDescription>
          </DialogHeader>
          {names.map((name, index) => (
            <div key={name} className="grid gap-2">
              <Label htmlFor={`${idPrefix}-${name}`}>{labelFor(name)}</Label>
              <Input
                id={`${idPrefix}-${name}`}
                type="password"
                autoComplete="off"
                required
                autoFocus={index === 0}
                value={values[name] ?? ""}
                onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
              />
            </div>
          ))}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Starting…" : "Run again"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
