// The session service names a field as its own input does (`date`, `itemId`); a route's 422 names
// where the value was in the request (`body.date`, `params.itemId`), as request validation does.
import { InvalidInputError } from '../errors.js';

export async function inRequest<T>(fields: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(
      error.errors.map((fieldError) => ({
        ...fieldError,
        field: fields[fieldError.field] ?? fieldError.field,
      })),
    );
  }
}
