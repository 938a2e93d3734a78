"use client";

import { useHydrated } from "./use-hydrated";

const utc = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const local = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A date and time in the visitor's time zone (UTC, marked so, until hydration). */
export function LocalTime({ date }: { date: Date }) {
  const hydrated = useHydrated();
  return <time dateTime={date.toISOString()}>{hydrated ? local.format(date) : `${utc.format(date)} UTC`}</time>;
}
