/**
 * One error type with codes and Dutch messages, mapped to HTTP status in one place.
 * No stack trace or internal message ever reaches a client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export const ERROR_CODES = {
  ongeldige_invoer: 400,
  niet_ingelogd: 401,
  geen_toegang: 403,
  niet_gevonden: 404,
  conflict: 409,
  te_groot: 413,
  te_veel_verzoeken: 429,
  niet_beschikbaar: 503,
  interne_fout: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Dotted path of the field, e.g. "body.personen.0.bsn". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[]; requestId: string };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = (err as FastifyError).validationContext ?? 'body';
    const issues = err.validation.map((v) => ({
      path: [part, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'ongeldige waarde',
    }));
    return new AppError('ongeldige_invoer', `Ongeldige invoer: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  if (err instanceof URIError) return new AppError('ongeldige_invoer', 'Het adres (URL) van het verzoek is ongeldig.');
  const fe = err as Partial<FastifyError>;
  if (fe.code === 'FST_ERR_BAD_URL' || fe.code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('ongeldige_invoer', 'Het adres (URL) van het verzoek is ongeldig.');
  if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('te_groot', 'Het verzoek is te groot.');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('ongeldige_invoer', 'Dit type inhoud wordt niet ondersteund.');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.statusCode === 400) {
    return new AppError('ongeldige_invoer', 'Het verzoek is geen geldige JSON.');
  }
  if (fe.statusCode === 429) return new AppError('te_veel_verzoeken', 'Te veel verzoeken. Probeer het later opnieuw.');
  // The database refused a change that raced another one, or that would break a rule it guards (one
  // casusregisseur per active household; nobody leaves while holding regie): a conflict, not a fault.
  const sqlstate = (err as { code?: unknown } | null)?.code;
  if (sqlstate === '23505' || sqlstate === '40001' || sqlstate === '40P01') {
    return new AppError('conflict', 'Deze wijziging botst met een gelijktijdige wijziging van iemand anders. Herlaad de gegevens en probeer het opnieuw.');
  }
  if (sqlstate === '23514' && /regie|casusregisseur/.test(String((err as Error).message))) {
    return new AppError('conflict', 'Dit kan niet: een actief huishouden houdt altijd één casusregisseur, en wie regie heeft, draagt die eerst over.');
  }
  return new AppError('interne_fout', 'Er ging iets mis aan onze kant. Probeer het opnieuw of neem contact op met de beheerder.');
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const app = toAppError(err);
  if (app.code === 'interne_fout') {
    // Log the kind of failure, never the request content (it may hold personal data).
    req.log.error({ err: { type: (err as Error)?.name, code: (err as FastifyError)?.code } }, 'request failed');
  }
  const body: ErrorBody = { error: { code: app.code, message: app.message, requestId: req.id } };
  if (app.issues.length > 0) body.error.issues = app.issues;
  return reply.status(app.status).type('application/json; charset=utf-8').send(body);
}
