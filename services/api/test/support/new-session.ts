// A test that calls the session service directly stands where the route would: the body goes
// through the route's schema first (its defaults filled in), as a request's body does.
import type { z } from 'zod';
import { CreateSessionInput } from '../../src/sessions/index.js';

export function newSession(fields: z.input<typeof CreateSessionInput>): CreateSessionInput {
  return CreateSessionInput.parse(fields);
}
