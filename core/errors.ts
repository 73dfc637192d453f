/**
 * The error catalogue: every error a client can see, its HTTP status and a
 * message template. Code throws `new ParleyError('ERR_FAQ_NOT_FOUND', { id })`;
 * the HTTP middleware and the socket ack wrapper turn it into the common shape.
 * Tests assert codes, never messages.
 */
export const errorCatalogue = {
  ERR_VALIDATION: { status: 400, message: 'The request is not valid' },
  ERR_MESSAGE_TOO_LONG: { status: 400, message: 'Message text is longer than 4000 characters' },
  ERR_NOT_FOUND: { status: 404, message: 'No such route' },
  ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side' },
  ERR_UNAVAILABLE: { status: 503, message: 'The service is not ready' },
  ERR_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  ERR_RATE_LIMITED: { status: 429, message: 'Too many requests, slow down' },
  ERR_ORIGIN_FORBIDDEN: { status: 403, message: 'This origin is not allowed' },
  ERR_CONFIG_INVALID: { status: 500, message: 'The configuration is not valid' },

  ERR_AUTH_REQUIRED: { status: 401, message: 'Sign in first' },
  ERR_AUTH_INVALID: { status: 401, message: 'Invalid credentials or token' },
  ERR_AUTH_FORBIDDEN: { status: 403, message: 'Your role does not allow this' },
  ERR_AUTH_IDENTITY: { status: 401, message: 'The identity could not be verified' },

  ERR_CONVERSATION_NOT_FOUND: { status: 404, message: 'Conversation not found' },
  ERR_CONVERSATION_ALREADY_CLAIMED: { status: 409, message: 'Another agent already owns this conversation' },
  ERR_CONVERSATION_ILLEGAL_TRANSITION: { status: 409, message: 'This conversation cannot make that move' },
  ERR_CONVERSATION_NOT_ASSIGNED: { status: 403, message: 'You are not assigned to this conversation' },
  ERR_CONVERSATION_NOT_CLOSED: { status: 409, message: 'The conversation is still open' },
  ERR_CSAT_ALREADY_GIVEN: { status: 409, message: 'A rating was already given for this conversation' },

  ERR_CUSTOMER_NOT_FOUND: { status: 404, message: 'Customer not found' },
  ERR_USER_NOT_FOUND: { status: 404, message: 'User not found' },
  ERR_USER_DUPLICATE: { status: 409, message: 'A user with this email already exists' },
  ERR_USER_LAST_ADMIN: { status: 409, message: 'The last admin cannot be removed or demoted' },
  ERR_FAQ_NOT_FOUND: { status: 404, message: 'FAQ entry not found' },
  ERR_FAQ_DUPLICATE: { status: 409, message: 'An FAQ entry with this id already exists' },
  ERR_FAQ_IMPORT_INVALID: { status: 400, message: 'The import file has invalid rows' },
  ERR_IMPORT_TOO_LARGE: { status: 413, message: 'The import file is too large' },
  ERR_IMPORT_RUNNING: { status: 409, message: 'An import of this kind is already running' },
  ERR_INTENT_NOT_FOUND: { status: 404, message: 'Intent not found' },
  ERR_INTENT_DUPLICATE: { status: 409, message: 'An intent with this name already exists' },
  ERR_INTENT_ACTION_URL: { status: 400, message: 'An intent action URL must be an absolute http or https URL' },
  ERR_ACTIONS_SECRET_MISSING: { status: 409, message: 'Set ACTIONS_SECRET to call http intent actions' },
  ERR_ENTITY_NOT_FOUND: { status: 404, message: 'Entity not found' },
  ERR_JOB_NOT_FOUND: { status: 404, message: 'Job not found' },
  ERR_NLU_NOT_TRAINED: { status: 503, message: 'The NLU model is not trained yet' },
  ERR_NLU_MODEL_NOT_FOUND: { status: 404, message: 'NLU model version not found' },
  ERR_NLU_TRAINING_FAILED: { status: 500, message: 'Training failed' },
  ERR_NLU_TRAINING_RUNNING: { status: 409, message: 'A training job is already running' },
  ERR_MODEL_LOAD: { status: 500, message: 'The model could not be loaded' },
  ERR_INDEX_CORRUPT: { status: 500, message: 'The index file is corrupt' },
  ERR_WEBHOOK_DISABLED: { status: 404, message: 'The webhook channel is not enabled' },
  ERR_WEBHOOK_KEY: { status: 401, message: 'Invalid API key' },
  ERR_API_KEY_NOT_FOUND: { status: 404, message: 'API key not found' },
  ERR_BOTFRAMEWORK_DISABLED: { status: 404, message: 'The Bot Framework channel is not enabled' },
  ERR_STORE_UNAVAILABLE: { status: 503, message: 'The store is not reachable' },
  ERR_STORE_CONFLICT: { status: 409, message: 'The record was changed concurrently' },
  ERR_ANALYTICS_NOT_READY: { status: 409, message: 'Not enough data for this figure yet' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: { issues?: ErrorIssue[]; [key: string]: unknown };
}

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ErrorBody['details'];

  constructor(code: ErrorCode, details?: ErrorBody['details'], message?: string) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'ParleyError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isParleyError(err: unknown): err is ParleyError {
  return err instanceof ParleyError;
}

/** Turns any thrown value into the common error shape; unknown errors never leak internals. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (isParleyError(err)) return { status: err.status, body: err.toBody() };
  return { status: 500, body: { code: 'ERR_INTERNAL', message: errorCatalogue.ERR_INTERNAL.message } };
}
