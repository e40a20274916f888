// Every declared API route, in one list: the router mounts these and the OpenAPI document
// describes these. A new module adds its routes here (e.g. `...sessionRoutes`).
import { devTokenRoutes } from './auth/dev-token.routes.js';
import type { ApiConfig } from './config.js';
import type { Route } from './http/route.js';
import { meRoutes } from './me/me.routes.js';
import { memberRoutes } from './members/members.routes.js';
import { planRoutes } from './plan/plan-items.routes.js';
import { teamRoutes } from './teams/teams.routes.js';

export function apiRoutes(config: ApiConfig): Route[] {
  return [...devTokenRoutes(config), ...meRoutes, ...teamRoutes, ...memberRoutes, ...planRoutes];
}
