/**
 * Customer lifetime value, a deliberately simple and explainable estimate:
 *
 *   CLV = average order value x orders per month x expected active months (next 12)
 *
 * - orders per month = orders / months since the first order (at least 1 month);
 * - expected active months = 12 x P(alive), where P(alive) = exp(-overdue / gap):
 *   `gap` is the customer's own average days between orders (tenure for a single order,
 *   at least 7 days) and `overdue` how many days past that rhythm the last order is.
 *   A customer buying on rhythm is fully alive; one far overdue decays towards 0.
 */
export interface OrderAggregate {
  count: number;
  total: number;
  firstMs: number;
  lastMs: number;
}

const DAY = 86_400_000;
const MONTH = 30.44 * DAY;

export function estimateClv(o: OrderAggregate, nowMs: number): number {
  if (o.count <= 0) return 0;
  const aov = o.total / o.count;
  const months = Math.max(1, (nowMs - o.firstMs) / MONTH);
  const perMonth = o.count / months;
  const gapDays = Math.max(7, o.count > 1 ? (o.lastMs - o.firstMs) / DAY / (o.count - 1) : (nowMs - o.firstMs) / DAY);
  const overdue = Math.max(0, (nowMs - o.lastMs) / DAY - gapDays);
  const pAlive = Math.exp(-overdue / gapDays);
  return Math.round(aov * perMonth * 12 * pAlive * 100) / 100;
}
