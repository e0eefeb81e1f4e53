/** One invalid field of a validation problem (`errors` member of the platform's problem details). */
export interface FieldError {
  field: string;
  message: string;
}

/** The RFC 9457 problem details every service and the gateway answer errors with. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

const TYPE_PREFIX = 'urn:brandcluster:problem:';

/** A failed API call: the server's problem detail, or a network failure (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail?: string;
  readonly traceId?: string;
  readonly fieldErrors: FieldError[];
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.body = body;
    this.slug = typeof body.type === 'string' && body.type.startsWith(TYPE_PREFIX)
      ? body.type.slice(TYPE_PREFIX.length)
      : slugOf(status);
    this.title = body.title ?? `HTTP ${status}`;
    this.detail = body.detail;
    this.traceId = body.traceId;
    this.fieldErrors = Array.isArray(body.errors) ? body.errors : [];
  }

  /** The message of the first error on a field, for showing it next to that field. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.endsWith('.' + field))?.message;
  }

  static network(): ApiProblem {
    return new ApiProblem(0, { title: 'Network error', detail: 'The portal could not be reached.' });
  }
}

function slugOf(status: number): string {
  switch (status) {
    case 0: return 'network';
    case 400: return 'bad-request';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not-found';
    case 409: return 'conflict';
    case 413: return 'payload-too-large';
    case 415: return 'unsupported-media-type';
    case 422: return 'unprocessable';
    case 429: return 'too-many-requests';
    default: return status >= 500 ? 'server-error' : 'error';
  }
}

/** Reads a response's body as a problem detail, whatever the server sent. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  try {
    const text = await response.clone().text();
    if (text) {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') body = parsed as ProblemBody;
    }
  } catch {
    // not JSON: the status alone says what happened
  }
  return new ApiProblem(response.status, body);
}
