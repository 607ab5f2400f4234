/**
 * Timing for Hearth's benchmarks: run a page N times, take the median, 95th percentile and
 * maximum server time, and print a table. A page that does not exist yet (404 on its first
 * request) is reported as "not available" instead of failing the run. Other benchmarks (the
 * scorecard) add their own scenarios and reuse `measure` and `printTable`.
 */

export interface Response {
  statusCode: number;
}

export interface Scenario {
  /** What the reader sees in the table: "Household page (ssw)". */
  page: string;
  /** Untimed set-up before each request (loading a form for its CSRF token ...). */
  prepare?(i: number): Promise<void>;
  /** One request (or a short sequence counted as one, such as sign-in then My work). */
  run(i: number): Promise<Response>;
  /** Statuses that count as success (default 200). */
  ok?: readonly number[];
}

export interface BenchRow {
  page: string;
  requests: number;
  medianMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** The target: the 95th percentile below this many ms (issue 8's figures for the scale). */
  targetMs?: number;
  /** Why there are no figures (not available, unexpected status). */
  note?: string;
}

/** The value at a percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface MeasureOptions {
  requests: number;
  /** Requests run first and not counted (caches, JIT). */
  warmup: number;
}

/** Runs a scenario `warmup + requests` times, one after another, and times each request. */
export async function measure(scenario: Scenario, options: MeasureOptions): Promise<BenchRow> {
  const ok = scenario.ok ?? [200];
  const empty = { page: scenario.page, requests: 0, medianMs: null, p95Ms: null, maxMs: null };
  let first: Response;
  try {
    await scenario.prepare?.(0);
    first = await scenario.run(0);
  } catch (error) {
    return { ...empty, note: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (first.statusCode === 404) return { ...empty, note: 'not available (404)' };
  if (!ok.includes(first.statusCode)) return { ...empty, note: `unexpected status ${first.statusCode}` };
  for (let i = 1; i < options.warmup; i += 1) {
    await scenario.prepare?.(i);
    await scenario.run(i);
  }
  const times: number[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < options.requests; i += 1) {
    await scenario.prepare?.(options.warmup + i);
    const started = performance.now();
    const response = await scenario.run(options.warmup + i);
    times.push(performance.now() - started);
    if (!ok.includes(response.statusCode))
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  const bad = [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
  return {
    page: scenario.page,
    requests: times.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times[times.length - 1]!,
    ...(bad ? { note: `unexpected: ${bad}` } : {}),
  };
}

const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));

/** Whether a row meets its target: "yes", "NO", or "-" without a target or figures. */
function met(row: BenchRow): string {
  if (row.targetMs === undefined || row.p95Ms === null) return '-';
  return row.p95Ms < row.targetMs ? 'yes' : 'NO';
}

/**
 * A plain-text table: page, requests, median ms, p95 ms, max ms, the p95 target and whether it
 * is met (when a row has a target), and a note when there is one.
 */
export function formatTable(rows: readonly BenchRow[], title?: string): string {
  const targets = rows.some((r) => r.targetMs !== undefined);
  const header = ['page', 'requests', 'median ms', 'p95 ms', 'max ms', ...(targets ? ['p95 target', 'met'] : []), ''];
  const body = rows.map((r) => [
    r.page,
    String(r.requests),
    ms(r.medianMs),
    ms(r.p95Ms),
    ms(r.maxMs),
    ...(targets ? [r.targetMs === undefined ? '-' : `< ${r.targetMs}`, met(r)] : []),
    r.note ?? '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths
    .map((w) => '-'.repeat(w))
    .join('  ')
    .trimEnd();
  return [...(title ? [title] : []), line(header), rule, ...body.map(line)].join('\n');
}

export function printTable(rows: readonly BenchRow[], title?: string): void {
  console.log(`\n${formatTable(rows, title)}\n`);
}
