/** Pure arithmetic of scripts/bench-scale.ts: a process's CPU time from /proc, and the figures of its runs. */

/**
 * User plus system CPU time, in clock ticks, from the text of /proc/<pid>/stat. The command
 * name (field 2) is in parentheses and may hold spaces or parentheses itself, so fields are
 * counted from the last ")": utime and stime are fields 14 and 15.
 */
export function cpuTicks(stat: string): number {
  const close = stat.lastIndexOf(")");
  if (close < 0) throw new Error("not a /proc/<pid>/stat line");
  // After ")": field 3 (state) is the first.
  const fields = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error("no utime/stime in /proc/<pid>/stat");
  return utime + stime;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The large size's median against the small one's, and whether it stays within `tolerance` (0.15: 15 %). */
export function scaleRatio(small: readonly number[], large: readonly number[], tolerance = 0.15) {
  const ratio = median(large) / median(small);
  return { ratio, pass: ratio <= 1 + tolerance };
}
