// The error vocabulary lives in libs/domain (errors.ts); the API's modules import it from here.
export {
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  type ErrorKind,
  type FieldError,
} from '@rhythm/domain';
