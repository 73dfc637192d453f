export { createAdminRouter, type AdminRouterDeps } from './router.js';
export { attachAgentNamespace, type AgentNamespaceDeps } from './agent/namespace.js';
export { ensureFirstAdmin, createStaffUser, type FirstAdminResult } from './auth/staff-users.js';
export { hashPassword, verifyPassword } from './auth/passwords.js';
export { signAccessToken, verifyAccessToken, ACCESS_TOKEN_TTL_SECONDS } from './auth/tokens.js';
export { defaultLoginLimits, type LoginLimits } from './auth/login-limiter.js';
export { createJobRegistry, type JobRegistry } from './jobs/job-registry.js';
export type { AdminNlu, AdminKnowledge, AdminAnalytics, FaqImportReport } from './services.js';
export type { AdminLogger, StaffIdentity } from './deps.js';
