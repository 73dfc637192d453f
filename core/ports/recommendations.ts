/**
 * Product recommendations for one customer, from purchase history (issue 17). The CRM computes them in the
 * analytics run and keeps them current as orders arrive; the bot, the agent panel and the REST route read them
 * through this port only, so none of them knows which model produced a list.
 */
export interface ProductRecommendation {
  productId: string;
  /** Catalogue name when the product is known. */
  name?: string;
  /** Higher is better; comparable only within one list. */
  score: number;
  /** Why, in words a customer or agent can read ("bought together with Blue mug", "you bought it before"). */
  reason: string;
}

export interface RecommendationQuery {
  /** Default 10, at most 50. */
  limit?: number;
  /** Only products this customer never bought (discovery); otherwise re-buys may lead. */
  onlyNew?: boolean;
}

export interface Recommendations {
  /** Best first. Never includes a product the customer returned in their latest order. Empty when nothing is known. */
  forCustomer(customerId: string, query?: RecommendationQuery): Promise<ProductRecommendation[]>;
}
