/**
 * Top-k ranking figures for one customer, binary relevance. HR: any target in the list. Recall: share of the
 * targets found (targets beyond k count as misses, the usual definition). NDCG: DCG over the ideal DCG of
 * min(|targets|, k) hits.
 */
export function rankingFigures(list: readonly number[], targets: ReadonlySet<number>, k: number): { hr: number; ndcg: number; recall: number } {
  let hits = 0;
  let dcg = 0;
  for (let i = 0; i < Math.min(k, list.length); i++) if (targets.has(list[i]!)) (hits++, (dcg += 1 / Math.log2(i + 2)));
  let idcg = 0;
  for (let i = 0; i < Math.min(k, targets.size); i++) idcg += 1 / Math.log2(i + 2);
  return { hr: hits > 0 ? 1 : 0, ndcg: idcg > 0 ? dcg / idcg : 0, recall: targets.size ? hits / targets.size : 0 };
}

/** Running means of the figures over customers. */
export class FigureMeans {
  n = 0;
  private hr = 0;
  private ndcg = 0;
  private recall = 0;
  add(f: { hr: number; ndcg: number; recall: number }): void {
    this.n++;
    this.hr += f.hr;
    this.ndcg += f.ndcg;
    this.recall += f.recall;
  }
  means(): { hr: number; ndcg: number; recall: number } {
    const r = (x: number) => Math.round((x / Math.max(1, this.n)) * 1000) / 1000;
    return { hr: r(this.hr), ndcg: r(this.ndcg), recall: r(this.recall) };
  }
}
