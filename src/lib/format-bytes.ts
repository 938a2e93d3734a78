/** "512 bytes", "1.5 MB": file sizes as people read them (1 KB = 1024 bytes, like the server's messages). */
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
