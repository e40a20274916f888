// Runs in Jest's parent process before any test file, so the setting reaches the V8 clock of the
// parent (in-band runs) and of every worker (they inherit the environment). Setting TZ inside a test
// file would not work: Jest gives each file a copy of process.env.
// UTC+14, far from UTC, so that any date column mapped through a JS Date would visibly shift a day.
export default function globalSetup(): void {
  process.env.TZ = 'Pacific/Kiritimati';
}
