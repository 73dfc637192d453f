import type { Language, Order, OrderStatus, Suggestion } from '../../core/index.js';

/** Every sentence the built-in actions say, per language (English for every language without its own set). */
export interface ActionText {
  status: Record<OrderStatus, string>;
  /** The order, its status, date and tracking link in one sentence. */
  order(o: Order, status: string): string;
  noOrders: string;
  notFound(id: string): string;
  which: string;
  /** Over suggestions that came without text. */
  options: string;
  /** `#id`: the order-id entity reads it in a free message too (no form needed to answer the choice). */
  orderChoice(o: Order, status: string): Suggestion;
  signIn: string;
  unavailable: string;
  recommend(names: string[]): string;
  noRecommendations: string;
  human: Suggestion;
}

const day = (iso: string): string => iso.slice(0, 10);

const en: ActionText = {
  status: { placed: 'placed', paid: 'paid and being prepared', shipped: 'shipped', delivered: 'delivered', cancelled: 'cancelled', returned: 'returned' },
  order: (o, status) => `Your order ${o.orderId} of ${day(o.date)} is ${status}.${o.trackingUrl ? ` Track it here: ${o.trackingUrl}` : ''}`,
  noOrders: "I can't find any orders on your account yet.",
  notFound: (id) => `I can't find an order ${id} on your account. Please check the number, or ask me about your latest order.`,
  which: 'You have several open orders. Which one do you mean?',
  options: 'Here are some options:',
  orderChoice: (o, status) => ({ label: `${o.orderId} (${day(o.date)}, ${status})`, text: `order #${o.orderId}` }),
  signIn: 'To look up your orders I need to know who you are: please sign in to your account and ask again, or talk to a human.',
  unavailable: "Sorry, I can't look that up right now. Would you like to talk to a human?",
  recommend: (names) => `You might like: ${names.join(', ')}.`,
  noRecommendations: "I don't have a suggestion for you yet. Our bestsellers are on the home page.",
  human: { label: 'Talk to a human', text: 'talk to a human' },
};

const zh: ActionText = {
  status: { placed: '已下单', paid: '已付款，正在备货', shipped: '已发货', delivered: '已送达', cancelled: '已取消', returned: '已退货' },
  order: (o, status) => `您 ${day(o.date)} 的订单 ${o.orderId} 状态：${status}。${o.trackingUrl ? `物流链接：${o.trackingUrl}` : ''}`,
  noOrders: '您的账户里还没有订单。',
  notFound: (id) => `您的账户里没有找到订单 ${id}。请核对订单号，或者问我最近的一笔订单。`,
  which: '您有几笔未完成的订单，请问是哪一笔？',
  options: '您可以选择：',
  orderChoice: (o, status) => ({ label: `${o.orderId}（${day(o.date)}，${status}）`, text: `订单 #${o.orderId}` }),
  signIn: '查询订单需要先确认您的身份：请登录账户后再问我，或者转人工客服。',
  unavailable: '抱歉，暂时查不到。需要转人工客服吗？',
  recommend: (names) => `您可能会喜欢：${names.join('、')}。`,
  noRecommendations: '暂时还没有适合您的推荐，可以看看首页的热销商品。',
  human: { label: '转人工', text: '转人工' },
};

export function actionText(language: Language | null | undefined): ActionText {
  return language === 'zh' ? zh : en;
}
