/** How instants, sizes and ids are shown everywhere: local time, YYYY-MM-DD HH:mm; sizes in KB/MB/GB. */
import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const instant = dayjs(iso);
  return instant.isValid() ? instant.format('YYYY-MM-DD HH:mm') : iso;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * A short form of a UUIDv7 for tables. The first characters of a v7 id are its timestamp (the same for records
 * made the same day), so the random tail is what tells records apart.
 */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(-8) : id;
}

/** Today on this computer's calendar, YYYY-MM-DD (bounds birth, joining and status dates in forms). */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
