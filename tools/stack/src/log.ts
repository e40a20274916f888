// Progress lines for the person at the terminal: one prefix, to stderr, so stdout stays clean.
export function say(message: string): void {
  process.stderr.write(`rhythm: ${message}\n`);
}

/** A failure the person can act on: printed as one line, no stack trace. */
export class StackError extends Error {}

export function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
