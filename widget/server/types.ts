import type { IncomingMessage } from 'node:http';
import type { CustomerIdentity, DialogueApi, Logger, Stores } from '../../core/index.js';

/** The shared logger type (core/ports/logger.ts; pino's Logger satisfies it). */
export type WidgetLogger = Logger;

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
  /** crm's customer service: identify/merge of signed-in visitors (built once in app/compose). */
  customers: CustomerIdentity;
  /** IDENTITY_SECRET: without it identity claims are refused (ERR_AUTH_IDENTITY). */
  identitySecret?: string;
  logger?: WidgetLogger;
  limits?: Partial<WidgetLimits>;
  /**
   * Who the client is for per-IP limits, from the handshake request (app/compose applies TRUST_PROXY, the same rule
   * as express's req.ip). Default: the socket address, X-Forwarded-For ignored.
   */
  clientIp?: (req: IncomingMessage) => string;
  /**
   * Signs the tokens of anonymous visitors not stored yet (identify.ts pendingToken); app/compose derives it from
   * JWT_SECRET so tokens survive restarts and work on every node. Default: a random key per process.
   */
  visitorTokenKey?: string;
  /** How long a closed conversation without rating is offered for CSAT again in `session` (ms). */
  csatWindowMs?: number;
}

/** What the handshake middleware leaves on `socket.data`. */
export interface WidgetSocketData {
  customerId: string;
  visitorToken: string;
  ip: string;
  /** True until the anonymous visitor's first write stores the customer. */
  pending: boolean;
  /** The customer's locale from the handshake (data-parley-locale or navigator.language). */
  locale?: string;
}

export const customerRoom = (customerId: string): string => `customer:${customerId}`;
export const customerSenderKey = (customerId: string): string => `customer:${customerId}`;
