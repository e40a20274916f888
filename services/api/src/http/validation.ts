// Request validation with zod: each part of the request (params, query, body) is parsed by its
// schema, and every issue becomes a field error named after where the value was, e.g.
// `body.timeZone` or, for a property the schema does not know, `body.ownerId`.
import type { z } from 'zod';
import { InvalidInputError, type FieldError } from '../errors.js';

export type RequestPart = 'params' | 'query' | 'body' | 'headers';

export function fieldErrors(part: RequestPart, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    // Strict objects report unknown properties as one issue on the parent: name each property,
    // so "no mass assignment" tells the client exactly which field was refused.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName(part, [...issue.path, key]),
        message: 'Unknown property',
      }));
    }
    return [{ field: fieldName(part, issue.path), message: issue.message }];
  });
}

function fieldName(part: RequestPart, path: PropertyKey[]): string {
  return [part, ...path.map(String)].join('.');
}

/** Parses every given part and reports the issues of all of them at once. */
export function parseParts<T extends Partial<Record<RequestPart, z.ZodType | undefined>>>(
  schemas: T,
  values: Partial<Record<RequestPart, unknown>>,
): { [K in keyof T]: T[K] extends z.ZodType ? z.output<T[K]> : undefined } {
  const errors: FieldError[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [part, schema] of Object.entries(schemas) as [RequestPart, z.ZodType | undefined][]) {
    if (!schema) continue;
    const result = schema.safeParse(values[part]);
    if (result.success) parsed[part] = result.data;
    else errors.push(...fieldErrors(part, result.error));
  }
  if (errors.length) throw new InvalidInputError(errors);
  return parsed as { [K in keyof T]: T[K] extends z.ZodType ? z.output<T[K]> : undefined };
}
