/**
 * "512 bytes", "1.5 MB", "250 MB": the one way FileForge writes a size, in the
 * UI and in every server message alike. Binary units (1 KB = 1,024 bytes,
 * 1 MB = 1,048,576 bytes), because every limit is set that way (a 250 MB
 * limit is 250 × 1,048,576 bytes), so a limit and a file at it read the same.
 */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded.toLocaleString("en-US")} ${units[unit]}`;
}

/** "−33%" / "+12%" / "±0%": the change from `before` to `after`, or null when there is no before. */
export function formatSizeChange(before: number, after: number): string | null {
  if (before <= 0) return null;
  const percent = Math.round(((after - before) / before) * 100);
  if (percent === 0) return "±0%";
  return percent < 0 ? `−${Math.abs(percent)}%` : `+${percent}%`;
}
