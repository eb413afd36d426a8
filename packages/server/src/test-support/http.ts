/** Assertions on injected HTTP responses, shared by the HTTP tests. */
import { expect } from 'vitest';

export interface Antwoord {
  statusCode: number;
  body: string;
  json: () => unknown;
}

export interface Foutmelding {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
  requestId: string;
}

/** The body of a response with the expected (2xx) status; the body is shown when the status differs. */
export function ok<T>(r: Antwoord, status = 200): T {
  expect(r.statusCode, r.body.slice(0, 800)).toBe(status);
  return r.json() as T;
}

/** The error of a response with the expected (4xx) status. */
export function fout(r: Antwoord, status: number): Foutmelding {
  expect(r.statusCode, r.body.slice(0, 800)).toBe(status);
  return (r.json() as { error: Foutmelding }).error;
}
