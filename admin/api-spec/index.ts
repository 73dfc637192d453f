import type { RouteSpec } from '../../core/index.js';
import { apiKeyApi } from './api-key-api.js';
import { conversationApi } from './conversation-api.js';
import { crmApi } from './crm-api.js';
import { engagementApi } from './engagement-api.js';
import { knowledgeApi } from './knowledge-api.js';
import { staffApi } from './staff-api.js';

/** Every staff REST route of the admin router, for the OpenAPI document. */
export const adminApi: RouteSpec[] = [...staffApi, ...conversationApi, ...knowledgeApi, ...crmApi, ...engagementApi, ...apiKeyApi];
