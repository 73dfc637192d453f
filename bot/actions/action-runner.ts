import { performance } from 'node:perf_hooks';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { HttpAction, IntentActionCall, Logger, Recommendations, Stores } from '../../core/index.js';
import { shopUserId } from '../customer/customer-view.js';
import { ActionBreakers } from './action-breakers.js';
import { valueOf, type ActionRequest, type ActionResult } from './action-result.js';
import { ActionFailure, callHttpAction, type ActionAnswer } from './http-action.js';
import { orderStatus } from './order-status.js';
import { recommendProducts } from './recommend-products.js';

export interface ActionRunnerDeps {
  stores: Pick<Stores, 'customers' | 'orders' | 'insights'>;
  /** Optional: without it `recommend_products` gives the intent's fallback reply. */
  recommendations?: Recommendations;
  /** ACTIONS_SECRET: http actions are never called unsigned. */
  secret?: string;
  logger: Pick<Logger, 'warn'>;
  /** prom-client registry of /metrics. */
  registry?: Registry;
  /** Open circuit's wait before one trial call (default 15 s). */
  resetTimeoutMs?: number;
}

export interface ActionRunner {
  run(req: ActionRequest): Promise<ActionResult>;
  /** The console's "test call": the backend's answer or why there is none; counted and logged like any call. */
  testHttp(intent: string, action: HttpAction, req: ActionRequest): Promise<{ ok: true; answer: ActionAnswer; ms: number } | { ok: false; reason: string; detail: string; ms: number }>;
  breakerState(intent: string): 'closed' | 'open' | 'half-open' | null;
  close(): void;
}

/** Runs intent actions: built-ins against the stores, http actions signed, timed, bounded and behind a breaker. */
export function createActionRunner(deps: ActionRunnerDeps): ActionRunner {
  const breakers = new ActionBreakers(deps.secret ?? '', deps.resetTimeoutMs !== undefined ? { resetTimeoutMs: deps.resetTimeoutMs } : {});
  const registers = deps.registry ? [deps.registry] : [];
  const calls = new Counter({
    name: 'parley_intent_actions_total',
    help: 'Intent action runs by intent, action type and outcome (ok, or why the fallback reply was given)',
    labelNames: ['intent', 'type', 'outcome'] as const,
    registers,
  });
  const seconds = new Histogram({
    name: 'parley_intent_action_duration_seconds',
    help: 'Intent action run time by action type',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 3, 10],
    registers,
  });

  async function http(intent: string, action: HttpAction, req: ActionRequest): Promise<ActionAnswer> {
    if (!deps.secret) throw new ActionFailure('no_secret');
    return breakers.fire(intent, action, await requestBody(req));
  }

  async function requestBody(req: ActionRequest): Promise<string> {
    const customer = req.customerId ? await deps.stores.customers.get(req.customerId) : null;
    const insights = customer ? await deps.stores.insights.get(customer.id).catch(() => null) : null;
    const names = new Set([...req.entities.map((e) => e.entity), ...Object.keys(req.slots)]);
    const entities = Object.fromEntries([...names].map((n) => [n, valueOf(req, n)]));
    const externalId = shopUserId(customer);
    // Typed against the documented call (core/protocol), so the body cannot drift from the OpenAPI document.
    const body: IntentActionCall = {
      intent: req.intent,
      entities,
      text: req.text,
      locale: req.locale ?? req.language,
      conversationId: req.conversationId,
      customer: {
        id: req.customerId ?? null,
        ...(externalId ? { externalId } : {}),
        ...(customer?.name ? { name: customer.name } : {}),
        ...(insights?.segment ? { segment: insights.segment.label } : {}),
        ...(insights?.churn ? { churnRisk: insights.churn.risk } : {}),
      },
    };
    return JSON.stringify(body);
  }

  const failed = (req: ActionRequest, err: unknown): ActionFailure => {
    const f = err instanceof ActionFailure ? err : new ActionFailure('error', err instanceof Error ? err.message : String(err));
    deps.logger.warn({ intent: req.intent, action: req.action.type, reason: f.reason, detail: f.message, conversationId: req.conversationId }, 'intent action failed: fallback reply given');
    return f;
  };

  return {
    async run(req) {
      const started = performance.now();
      const type = req.action.type === 'http' ? 'http' : req.action.name;
      let result: ActionResult;
      try {
        if (req.action.type === 'http') {
          const a = await http(req.intent, req.action, req);
          result = { kind: 'answer', ...a };
        } else {
          result = req.action.name === 'order_status' ? await orderStatus(deps, req) : await recommendProducts(deps, req);
        }
      } catch (err) {
        result = { kind: 'failed', reason: failed(req, err).reason };
      }
      if (result.kind === 'failed' && req.action.type === 'builtin') deps.logger.warn({ intent: req.intent, action: type, reason: result.reason }, 'built-in action gave no answer: fallback reply given');
      calls.inc({ intent: req.intent, type, outcome: result.kind === 'failed' ? result.reason : 'ok' });
      seconds.observe({ type }, (performance.now() - started) / 1000);
      return result;
    },
    async testHttp(intent, action, req) {
      const started = performance.now();
      try {
        // Straight to the backend, past the breaker: an admin testing a fix must not be told "circuit open".
        if (!deps.secret) throw new ActionFailure('no_secret');
        const answer = await callHttpAction(action, await requestBody({ ...req, action }), deps.secret);
        calls.inc({ intent, type: 'http-test', outcome: 'ok' });
        return { ok: true, answer, ms: performance.now() - started };
      } catch (err) {
        const f = failed({ ...req, action }, err);
        calls.inc({ intent, type: 'http-test', outcome: f.reason });
        return { ok: false, reason: f.reason, detail: f.message, ms: performance.now() - started };
      }
    },
    breakerState: (intent) => breakers.state(intent),
    close: () => breakers.close(),
  };
}
