import { Schema, type Connection, type Model } from 'mongoose';
import type { OrderStatus } from '../../core/index.js';

const opts = { versionKey: false, strictQuery: 'throw', minimize: false } as const;

export interface LineDoc {
  /** '' = the order's line without a product. */
  productId: string;
  quantity: number | null;
  amount: number;
}

/** One document per order with its lines inside: a line upsert is one atomic document write. */
export interface OrderDoc {
  _id: string;
  customerId: string;
  externalCustomerId: string | null;
  date: string;
  dateMs: number;
  status: OrderStatus;
  trackingUrl: string | null;
  lines: LineDoc[];
  total: number;
}

export interface ProductDoc {
  _id: string;
  name: string;
  category: string | null;
  price: number | null;
}

const line = new Schema<LineDoc>({ productId: String, quantity: { type: Number, default: null }, amount: Number }, { _id: false, ...opts });

const order = new Schema<OrderDoc>(
  {
    _id: String,
    customerId: { type: String, required: true },
    externalCustomerId: { type: String, default: null },
    date: String,
    dateMs: Number,
    status: { type: String, enum: ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'] },
    trackingUrl: { type: String, default: null },
    lines: { type: [line], default: [] },
    total: Number,
  },
  opts,
);
order.index({ customerId: 1, dateMs: -1, _id: -1 }); // listByCustomer, eraseCustomer
order.index({ dateMs: 1, _id: 1 }); // scanLines

const product = new Schema<ProductDoc>(
  { _id: String, name: String, category: { type: String, default: null }, price: { type: Number, default: null } },
  opts,
);

export interface OrderModels {
  orders: Model<OrderDoc>;
  products: Model<ProductDoc>;
}

export function orderModels(conn: Connection): OrderModels {
  return {
    orders: conn.model<OrderDoc>('Order', order, 'orders'),
    products: conn.model<ProductDoc>('Product', product, 'products'),
  };
}
