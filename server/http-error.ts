// Errors the API answers with: a status and the JSON body `{"error": "...", "details": [...]}`.
// Anything thrown that is not an HttpError becomes a 500 whose body says nothing of the cause.

export interface ErrorBody {
  error: string;
  details: unknown[];
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ErrorBody {
    return { error: this.message, details: this.details };
  }
}

export const badRequest = (message: string, details: unknown[] = []): HttpError => new HttpError(400, message, details);
export const notFound = (message: string, details: unknown[] = []): HttpError => new HttpError(404, message, details);
export const conflict = (message: string, details: unknown[] = []): HttpError => new HttpError(409, message, details);

/** One problem of a request, as listed in `details` of a 400. */
export interface ValidationDetail {
  in: 'path' | 'query' | 'body';
  /** Dotted path of the offending field ("" for the whole part). */
  path: string;
  message: string;
}
