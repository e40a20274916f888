// What the sendEmails test files share: the harness (./harness.ts) open for the whole file, and
// the batch calls a run makes to the local Resend server (counted, with their idempotency keys and
// Resend's replays).
import { openHarness, type Harness } from './harness.js';

/** One call per test file: a fresh harness before its tests, disposed after them. */
export function useSendEmailsHarness() {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => h?.dispose());

  /** Requests to the batch endpoint made during `run`. */
  async function batchCalls<T>(run: () => Promise<T>) {
    const before = h.resendServer.requests.length;
    const result = await run();
    const calls = h.resendServer.requests.slice(before).filter((r) => r.path === '/emails/batch');
    return { result, calls };
  }

  // Getters: the harness exists once beforeAll has run.
  return {
    get orm() {
      return h.orm;
    },
    get resendServer() {
      return h.resendServer;
    },
    get activities() {
      return h.activities;
    },
    batchCalls,
  };
}
