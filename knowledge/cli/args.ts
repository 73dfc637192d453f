/** `--name value` / `--flag` parsing for the knowledge CLIs (no dependency for four flags). */
export function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) out.set(k, inline);
    else if (next !== undefined && !next.startsWith('--')) out.set(k, (i++, next));
    else out.set(k, true);
  }
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;
