/**
 * The one logger shape every module receives (pino's Logger satisfies it). Modules that need less take a Pick of it,
 * so a test can pass `{ warn() {} }` where only warnings are written.
 */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
}
