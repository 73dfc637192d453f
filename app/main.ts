import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { composeApp } from './compose.js';
import { installProcessHandlers } from './shutdown.js';

// Entry point: validate config, build the app once, listen, shut down gracefully.
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`parley: ${err.message}\nSee the environment variables table in README.md.\n`);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const logger = createLogger(config.logLevel, config.logFormat);
const started = Date.now();
const app = await composeApp(config, logger);
installProcessHandlers(logger, (reason) => app.close(reason));
const address = await app.listen();
const health = await app.health();
logger.info(
  { url: address, store: health.store, retrieval: health.retrieval, model: health.model, bootMs: Date.now() - started },
  `Parley listening on ${address} (store: ${health.store}, retrieval: ${health.retrieval}${health.model ? ` with ${health.model}` : ''})`,
);
