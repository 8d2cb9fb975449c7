/**
 * The HTTP status names Fenige's error bodies carry (`httpStatus: 'UNPROCESSABLE_ENTITY'`). The
 * error codes themselves (HTTP status, message, what the sandbox records) are the one catalogue in
 * `../error-catalogue.ts`, shared with the client.
 */

export type HttpStatusName =
  | 'OK'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE_ENTITY'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

export const HTTP_STATUS_NAMES: Record<number, HttpStatusName> = {
  200: 'OK',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export { FENIGE_ERROR_CODES, type FenigeDeclineCode, type FenigeErrorCode, type FenigeCodeInfo } from '../error-catalogue.js';
