import { z } from 'zod';
import { clientMessageIdSchema, textSchema } from '../schemas/common.js';

/** /agent namespace: staff -> server payloads (strict in). */
export const agentAuthSchema = z.strictObject({ token: z.string().min(1).max(4096) });
const conversationId = z.string().min(1).max(128);
export const agentClaimSchema = z.strictObject({ conversationId });
export const agentReleaseSchema = agentClaimSchema;
export const agentCloseSchema = agentClaimSchema;
export const agentMessageSchema = z.strictObject({ conversationId, clientMessageId: clientMessageIdSchema, text: textSchema });
export const agentTypingSchema = z.strictObject({ conversationId, typing: z.boolean() });

export interface ConversationSummary {
  id: string;
  state: 'bot' | 'queued' | 'agent' | 'closed';
  assignee: { id: string; name: string } | null;
  customer: { id: string; name?: string; email?: string };
  lastMessage: { author: string; text: string; createdAt: string } | null;
  intent?: string;
  sentiment?: number;
  waitingSince?: string;
  /** v1.1: why this customer comes first in the queue (high CLV, high churn risk); absent = no priority. */
  priority?: { reasons: ('high_value' | 'at_risk')[] };
}

export const AGENT_NAMESPACE = '/agent';
