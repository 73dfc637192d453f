import type { DialogueApi, FaqSearchResult, Logger, NluAnalysis, Stores } from '../core/index.js';

/** The shared logger type (core/ports/logger.ts; pino's Logger satisfies it). */
export type AdminLogger = Logger;

export const silentLogger: AdminLogger = { info() {}, warn() {}, error() {} };

/** Role-checked staff identity attached to a request or socket after the token was verified. */
export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
}

export type { DialogueApi, FaqSearchResult, NluAnalysis, Stores };
