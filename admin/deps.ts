import type { DialogueApi, FaqSearchResult, NluAnalysis, Stores } from '../core/index.js';

/** The slice of a pino logger admin uses (pino's Logger satisfies it). */
export interface AdminLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: AdminLogger = { info() {}, warn() {}, error() {} };

/** Role-checked staff identity attached to a request or socket after the token was verified. */
export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
}

export type { DialogueApi, FaqSearchResult, NluAnalysis, Stores };
