import type { DialogueApi, Stores } from '../../core/index.js';

/** The part of a pino logger the namespace uses (pino's Logger satisfies it). */
export interface WidgetLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** A rate-limit window: `points` actions per `duration` seconds; null disables the limit. */
export type LimitRule = { points: number; duration: number } | null;

export interface WidgetLimits {
  /** Customer messages + escalations + CSAT per socket. */
  messagesPerSocket: LimitRule;
  /** The same actions summed over every socket of one IP (floods from many tabs or scripts). */
  messagesPerIp: LimitRule;
  /** Handshakes per IP (reconnect storms, scripted customer creation). */
  connectionsPerIp: LimitRule;
  /** Typing notices per socket; over the limit they are dropped silently. */
  typingPerSocket: LimitRule;
}

export interface WidgetDeps {
  dialogue: DialogueApi;
  stores: Stores;
  /** IDENTITY_SECRET: without it identity claims are refused (ERR_AUTH_IDENTITY). */
  identitySecret?: string;
  logger?: WidgetLogger;
  limits?: Partial<WidgetLimits>;
  /**
   * Behind one reverse proxy (TRUST_PROXY): the client IP for per-IP limits is the last
   * X-Forwarded-For entry (the one our proxy added), as Express does with `trust proxy` = 1.
   */
  trustProxy?: boolean;
  /** How long a closed conversation without rating is offered for CSAT again in `session` (ms). */
  csatWindowMs?: number;
}

/** What the handshake middleware leaves on `socket.data`. */
export interface WidgetSocketData {
  customerId: string;
  visitorToken: string;
  ip: string;
  locale?: string;
}

export const customerRoom = (customerId: string): string => `customer:${customerId}`;
export const customerSenderKey = (customerId: string): string => `customer:${customerId}`;
