/** A server address the test run provides; its absence means the test was not started by ./rhythm test. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the tests through ./rhythm test, which starts the servers they need.`,
    );
  return value;
}
