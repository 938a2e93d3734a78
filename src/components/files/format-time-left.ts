const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "23 h 59 min", "5 min", "less than a minute"; null once the time has passed. */
export function formatTimeLeft(ms: number): string | null {
  if (ms <= 0) return null;
  if (ms < MINUTE) return "less than a minute";
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
