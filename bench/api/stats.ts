// Percentiles and the printed table.
export interface Figures {
  label: string;
  count: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile of latencies in milliseconds. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** `latencies`: of the calls that succeeded; `errors`: how many did not. */
export function figures(label: string, latencies: number[], errors: number, seconds: number): Figures {
  return {
    label,
    count: latencies.length + errors,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export function printTable(rows: Figures[]): void {
  const header = ['', 'ok', 'errors', 'seconds', 'per second', 'p50 ms', 'p99 ms'];
  const cells = rows.map((row) => [
    row.label,
    String(row.count - row.errors),
    String(row.errors),
    row.seconds.toFixed(2),
    ((row.count - row.errors) / row.seconds).toFixed(1),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...cells].map((line) => line[column]!.length)),
  );
  for (const line of [header, ...cells]) {
    console.log(
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    );
  }
}
