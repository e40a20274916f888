// What the soak prints: a line per memory sample while it runs, then the requests by operation,
// latency, throughput, RSS after the warm-up and at the end, and the one-line summary.
import { percentile } from '../api/stats.ts';
import type { Outcome } from './traffic.ts';

export interface Sample {
  requests: number;
  seconds: number;
  /** The API's resident set (MB): what a container's memory limit meets. */
  rss: number;
  /** Its V8 heap in use (MB): when RSS grows and this does not, the growth is outside the JS heap. */
  heap: number;
}

export class Figures {
  readonly samples: Sample[] = [];
  private readonly operations = new Map<string, { count: number; unexpected: Map<number, number> }>();
  private readonly latencies: number[] = [];

  record(result: Outcome, ms: number): void {
    const entry = this.operations.get(result.operation) ?? { count: 0, unexpected: new Map() };
    entry.count += result.requests;
    if (!result.expected) entry.unexpected.set(result.status, (entry.unexpected.get(result.status) ?? 0) + 1);
    this.operations.set(result.operation, entry);
    this.latencies.push(ms);
  }

  addSample(row: Sample): void {
    if (this.samples.length === 0) console.log('requests  seconds  req/s   RSS MB  heap MB');
    const previous = this.samples.at(-1);
    this.samples.push(row);
    const rate = previous
      ? (row.requests - previous.requests) / (row.seconds - previous.seconds)
      : row.requests / row.seconds;
    const cells = [row.requests.toFixed(0), row.seconds.toFixed(1), rate.toFixed(0), row.rss.toFixed(1)];
    console.log(
      [...cells, row.heap.toFixed(1)].map((cell, i) => cell.padStart([8, 7, 5, 7, 7][i]!)).join('  '),
    );
  }

  report({ warmup, seconds, idleRss }: { warmup: number; seconds: number; idleRss: number }): void {
    const end = this.samples.at(-1)!;
    const warm = this.samples.find((sample) => sample.requests >= warmup) ?? this.samples[0]!;
    const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB`;
    console.log('\nrequests by operation (and any status other than the expected one):');
    for (const [name, { count, unexpected }] of [...this.operations].sort(
      (a, b) => b[1].count - a[1].count,
    )) {
      const odd = [...unexpected].map(([status, n]) => `${status} ×${n}`).join(', ');
      console.log(`  ${name.padEnd(20)} ${String(count).padStart(7)}${odd ? `  unexpected: ${odd}` : ''}`);
    }
    const p = (n: number) => percentile(this.latencies, n).toFixed(1);
    console.log(`\nlatency per operation: p50 ${p(50)} ms, p99 ${p(99)} ms`);
    console.log(`throughput: ${(end.requests / seconds).toFixed(1)} requests/s over ${seconds.toFixed(1)} s`);
    console.log(
      `RSS after warm-up (${warm.requests} requests): ${warm.rss.toFixed(1)} MB, heap ${warm.heap.toFixed(1)} MB`,
    );
    console.log(
      `RSS at the end (${end.requests} requests): ${end.rss.toFixed(1)} MB, heap ${end.heap.toFixed(1)} MB; after 5 s idle ${idleRss.toFixed(1)} MB`,
    );
    console.log(
      `growth after warm-up: RSS ${signed(end.rss - warm.rss)}, heap ${signed(end.heap - warm.heap)}`,
    );
    console.log(
      `soak: ${end.requests} requests, RSS growth ${(end.rss - warm.rss).toFixed(1)} MB after warm-up`,
    );
  }
}
