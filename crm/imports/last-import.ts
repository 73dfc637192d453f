import type { KeyValueStore } from '../../core/index.js';
import { importReportSchema, type ImportReport } from './report.js';

/** The last finished import of each kind, for the console's Data page after a reload. */
const NS = 'crm.imports';

export async function saveLastImport(kv: KeyValueStore, report: ImportReport): Promise<void> {
  await kv.put(NS, report.kind, report);
}

export async function lastImports(kv: KeyValueStore): Promise<{ orders: ImportReport | null; products: ImportReport | null }> {
  const read = async (kind: ImportReport['kind']) => {
    const parsed = importReportSchema.safeParse(await kv.get(NS, kind));
    return parsed.success ? parsed.data : null;
  };
  return { orders: await read('orders'), products: await read('products') };
}
