import type { Customer, FieldCipher } from '../../core/index.js';
import { unseal } from '../shared/customer-fields.js';

export interface CustomerRow {
  id: string;
  visitor_token: string | null;
  external_id: string | null;
  name: string | null;
  email: string | null;
  attributes: string;
  message_count: number;
  conversation_count: number;
  escalations: number;
  fallbacks: number;
  sentiment_sum: number;
  sentiment_count: number;
  csat_sum: number;
  csat_count: number;
  last_csat: number | null;
  created_at: string;
  last_seen_at: string;
}

/** PII columns (name, email, tokens, external id, attributes) are sealed at rest; they are opened here, on the way out. */
export function rowToCustomer(r: CustomerRow, cipher: FieldCipher): Customer {
  return {
    id: r.id,
    visitorToken: unseal(cipher, r.visitor_token),
    externalId: unseal(cipher, r.external_id),
    name: unseal(cipher, r.name),
    email: unseal(cipher, r.email),
    attributes: JSON.parse(cipher.decrypt(r.attributes)) as Record<string, string>,
    stats: {
      messageCount: r.message_count,
      conversationCount: r.conversation_count,
      escalations: r.escalations,
      fallbacks: r.fallbacks,
      sentimentSum: r.sentiment_sum,
      sentimentCount: r.sentiment_count,
      csatSum: r.csat_sum,
      csatCount: r.csat_count,
      lastCsat: r.last_csat,
    },
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  };
}
