// The problem+json body as a zod schema: documents every error response in OpenAPI.
import { z } from 'zod';

export const FieldErrorSchema = z
  .object({
    field: z.string().meta({
      description: 'Where the value was: `params.`, `query.` or `body.` and its path.',
      example: 'body.timeZone',
    }),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({
      description: 'A URI for the kind of problem; `about:blank` means the HTTP status says it all.',
    }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().meta({ description: 'The request path.' }),
    requestId: z
      .string()
      .optional()
      .meta({ description: 'The x-request-id of the request, as found in the logs.' }),
    errors: z.array(FieldErrorSchema).optional().meta({ description: 'For 422: each field that is wrong.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
