"use client";

import { FilterSelect, type FilterOption } from "@/components/common/filter-select";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from "@/shared/audit-actions";

export type AuditFilterValues = { action: AuditAction | "all"; email: string; from: string; to: string };
export const NO_AUDIT_FILTERS: AuditFilterValues = { action: "all", email: "", from: "", to: "" };

const ACTION_OPTIONS: readonly FilterOption<AuditAction | "all">[] = [
  { value: "all", label: "All actions" },
  ...AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
];

/** Action, email and a day range (inclusive, in the browser's time zone). Every control is a labelled native or Radix control, so the form works from the keyboard. */
export function AuditFilters({ values, onChange }: { values: AuditFilterValues; onChange: (values: AuditFilterValues) => void }) {
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...values, ...patch });
  return (
    <div role="search" aria-label="Filter audit events" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterSelect id="audit-action" label="Action" value={values.action} options={ACTION_OPTIONS} width="w-full" onChange={(action) => set({ action })} />
      <div className="grid gap-1.5">
        <Label htmlFor="audit-email">User email</Label>
        <Input id="audit-email" type="search" value={values.email} placeholder="Part of an address" onChange={(event) => set({ email: event.target.value })} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-from">From</Label>
        <Input id="audit-from" type="date" value={values.from} max={values.to || undefined} onChange={(event) => set({ from: event.target.value })} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-to">To</Label>
        <Input id="audit-to" type="date" value={values.to} min={values.from || undefined} onChange={(event) => set({ to: event.target.value })} />
      </div>
    </div>
  );
}
