// API failures as one error type the pages can show: RFC 9457 problem details from the API, or a
// network failure (the API is unreachable), which has no problem body.
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  /**
   * The message for one input, by the name the form uses (`date`), matching the API's
   * `body.date` / `query.reason` paths.
   */
  fieldError(name: string): string | undefined {
    return this.errors.find((error) => error.field.replace(/^(body|query|params)\./, '') === name)?.message;
  }

  /** Field errors the form has no input for, so that none of them is silently dropped. */
  otherErrors(known: readonly string[]): FieldError[] {
    return this.errors.filter((error) => !known.includes(error.field.replace(/^(body|query|params)\./, '')));
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

export function problemFrom(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (error): error is FieldError =>
          typeof error?.field === 'string' && typeof error?.message === 'string',
      )
    : [];
  return new ApiError(
    status,
    typeof problem.title === 'string' ? problem.title : `HTTP ${status}`,
    typeof problem.detail === 'string' ? problem.detail : undefined,
    errors,
  );
}

export function unreachable(cause: unknown): ApiError {
  return new ApiError(null, 'unreachable', cause instanceof Error ? cause.message : String(cause));
}
