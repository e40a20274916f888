// Every service's main.ts calls runMain: a start-up failure that a person can fix (bad config, a
// server that cannot be reached) is printed as one line, not a stack trace, and the process exits 1.
import { ConfigError } from './config.js';

/** A start-up failure whose message already says what is wrong and what to do. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export function runMain(service: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${service}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `${service}: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  });
}

/** Runs `close` once on SIGINT or SIGTERM, then exits. */
export function onShutdown(close: (signal: NodeJS.Signals) => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
