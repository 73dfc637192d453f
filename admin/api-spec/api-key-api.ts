import type { RouteSpec } from '../../core/index.js';

export const apiKeyApi: RouteSpec[] = [];
