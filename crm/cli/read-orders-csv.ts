import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { orderLineSchema, type OrderLine } from '../models/input.js';

/** Splits one CSV record (RFC 4180 quotes, no embedded newlines: order exports do not have them). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Streams an orders CSV (header orderId,customerId,date,productId,quantity,amount) as validated lines. */
export async function* readOrdersCsv(path: string, onBad: (line: number, message: string) => void): AsyncGenerator<OrderLine> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header: string[] | null = null;
  let n = 0;
  for await (const raw of rl) {
    n++;
    if (!raw.trim()) continue;
    const cells = splitCsv(raw);
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const need of ['orderId', 'customerId', 'date', 'amount']) if (!header.includes(need)) throw new Error(`orders CSV lacks column ${need}`);
      continue;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, i) => (rec[h] = (cells[i] ?? '').trim()));
    const parsed = orderLineSchema.safeParse({
      customerId: rec.customerId,
      orderId: rec.orderId,
      date: rec.date,
      productId: rec.productId || undefined,
      quantity: rec.quantity ? Number(rec.quantity) : undefined,
      amount: rec.amount === '' ? Number.NaN : Number(rec.amount),
    });
    if (!parsed.success || !Number.isFinite(parsed.data.amount) || !Number.isFinite(Date.parse(parsed.data.date))) {
      onBad(n, parsed.success ? 'bad amount or date' : parsed.error.issues[0]?.message ?? 'invalid row');
      continue;
    }
    yield parsed.data;
  }
}
