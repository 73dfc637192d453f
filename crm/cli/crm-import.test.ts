import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { parseImportArgs, runCrmImport } from './crm-import.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-crm-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('crm:import', () => {
  it('imports products then orders from files through the same import, logging progress', async () => {
    const orders = path.join(dir, 'orders.csv');
    const products = path.join(dir, 'products.csv');
    fs.writeFileSync(orders, 'orderId,customerId,date,productId,quantity,amount\n1,c1,2026-01-01,p1,1,9.5\n2,c2,2026-01-02,p1,2,19\n2,c2,2026-01-02,p2,1,oops\n');
    fs.writeFileSync(products, 'productId,name,category,price\np1,Pen,office,9.5\n');
    const stores = await openEmbeddedStores({ dataDir: path.join(dir, 'data'), cipher: createFieldCipher('test-key-test-key-test-key-test-key-0123') });
    const logs: string[] = [];
    let changed = 0;
    try {
      const summary = await runCrmImport(['--orders', orders, '--products', products], { stores, log: (m) => logs.push(m), onOrdersChanged: async () => void changed++ });
      expect(summary.products).toMatchObject({ imported: 1, errorCount: 0 });
      expect(summary.orders).toMatchObject({ imported: 2, errorCount: 1, errors: [{ line: 4, message: 'amount: Not a number' }] });
      expect(await stores.orders.count()).toEqual({ orders: 2, lines: 2, products: 1 });
      expect(changed).toBe(1);
      expect(logs.some((l) => /^orders: 100%/.test(l))).toBe(true);
      expect(logs).toContain('  line 4: amount: Not a number');
    } finally {
      await stores.close();
    }
  });

  it('refuses arguments it does not know', () => {
    expect(() => parseImportArgs([])).toThrow();
    expect(() => parseImportArgs(['--orders'])).toThrow();
    expect(() => parseImportArgs(['--customers', 'x.csv'])).toThrow();
    expect(parseImportArgs(['--orders', 'o.csv'])).toEqual({ orders: 'o.csv' });
  });
});
