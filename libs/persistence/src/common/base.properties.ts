import { p } from '@mikro-orm/core';
import { newId } from './id.js';

// Property builders shared by every entity. They are functions so that each entity gets its own
// builder instance. `onCreate` runs inside `em.create()` (processOnCreateHooksEarly is on by default
// in MikroORM 7), so the id and timestamps are set before the first flush.

export const uuidPrimaryKey = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => newId());

export const createdAtProperty = () => p.datetime().onCreate(() => new Date());

export const updatedAtProperty = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());
