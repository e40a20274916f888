import { randomUUID, randomUUIDv7 } from 'node:crypto';

/**
 * Primary keys are made in the app, not by the database, so a row's id is known before it is inserted
 * (the session workflow id `session-<id>` can be derived while the API is still in its transaction).
 * Version 7 UUIDs start with a timestamp, which keeps b-tree inserts local; `randomUUIDv7` arrived
 * during the Node 24 line, so older 24.x releases fall back to a random v4.
 */
export function newId(): string {
  return typeof randomUUIDv7 === 'function' ? randomUUIDv7() : randomUUID();
}
