import type { Logger } from './logger.js';

/**
 * SIGTERM/SIGINT: stop accepting, drain in-flight work, close the store, exit.
 * A second signal or the timeout forces exit. Crashes are logged before exit so
 * the supervisor (docker, systemd) restarts a clean process.
 */
export function installProcessHandlers(logger: Logger, shutdown: (reason: string) => Promise<void>, timeoutMs = 15_000): void {
  let stopping = false;
  const stop = (reason: string, code: number) => {
    if (stopping) {
      logger.warn({ reason }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out: exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    shutdown(reason)
      .then(() => process.exit(code))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception: shutting down');
    stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (reason) => {
    // A stray rejected promise is a bug to log, not a reason to drop every live chat.
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
}
