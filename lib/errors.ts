/**
 * Expected failures of the domain, each with the contract's code and HTTP status. Route
 * handlers map them to problem+json and server actions to form errors, in one place each.
 */
export type FieldError = { field: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], detail?: string) {
    super(
      'validation_failed',
      400,
      'Validation failed',
      detail ?? `${errors.length} ${errors.length === 1 ? 'field is' : 'fields are'} invalid`,
      errors,
    );
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'A valid API key is required.') {
    super('unauthorized', 401, 'Unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this.') {
    super('forbidden', 403, 'Forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: 'customer_not_found' | 'wallet_not_found' | 'not_found', message: string) {
    super(code, 404, 'Not found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, errors?: FieldError[]) {
    super(code, 409, 'Conflict', message, errors);
  }
}
