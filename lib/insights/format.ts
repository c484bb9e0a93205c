/** How Insights figures read: durations in hours or days, shares as percentages, counts with separators. Pure. */

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "—";
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return "—";
  const pct = share * 100;
  return `${pct > 0 && pct < 1 ? "<1" : Math.round(pct)}%`;
}

const numbers = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
export const formatCount = (n: number | null | undefined) => (n === null || n === undefined ? "—" : numbers.format(n));

/** A table cell: shares and hours by their column's meaning, the rest as they are. */
export function formatCell(key: string, value: string | number | null): string {
  if (value === null) return "—";
  if (typeof value === "number") {
    if (key === "share") return formatShare(value);
    if (/hours$/i.test(key)) return formatHours(value);
    return formatCount(value);
  }
  return value;
}
