// HTTP-level client mistakes that are not domain errors (wrong media type): marked with a 4xx
// `status` the way body-parser marks its own, so the error handler treats them alike.
export function clientError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status, expose: true });
}
