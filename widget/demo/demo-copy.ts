/** The demo shop's words in each language the demo bot is seeded in (DEMO_LANGUAGE). HTML fragments, written by us. */
export interface DemoCopy {
  lang: string;
  title: string;
  tagline: string;
  products: [name: string, text: string][];
  productsLabel: string;
  tryTitle: string;
  /** Paragraph with <code> examples; trusted, ours. */
  tryText: string;
  staff: string;
  openChat: string;
  footer: string;
  /** Link to the other language's page. */
  other: { href: string; label: string; lang: string };
}

export const demoCopy: Record<'en' | 'zh', DemoCopy> = {
  en: {
    lang: 'en',
    title: 'Parley Demo Store',
    tagline: 'Handmade mugs, teapots and everything for a good cup.',
    productsLabel: 'Products',
    products: [
      ['Stoneware mug', 'Glazed by hand, 350 ml. 24 EUR'],
      ['Cast-iron teapot', 'Keeps tea warm for an hour. 59 EUR'],
      ['Tea sampler', 'Twelve loose-leaf teas. 18 EUR'],
    ],
    tryTitle: 'Try the assistant',
    tryText: `The chat button in the bottom-right corner is the Parley widget, embedded with one script tag.
       Ask it a question such as <code>how long does shipping take?</code> or <code>how do I return an item?</code>,
       or type <code>talk to a human</code> to be handed over to an agent.`,
    staff: 'Agents answer in the <a href="/console/">staff console</a>. Service status: <a href="/healthz">/healthz</a>.',
    openChat: 'Open the chat',
    footer: 'This shop is fictional. Embed snippet: <code>&lt;script src="https://your-parley/widget.js" async&gt;&lt;/script&gt;</code>',
    other: { href: '/zh/', label: '中文版', lang: 'zh-CN' },
  },
  zh: {
    lang: 'zh-CN',
    title: 'Parley 演示商店',
    tagline: '手工马克杯、茶壶，以及泡好一杯茶需要的一切。',
    productsLabel: '商品',
    products: [
      ['粗陶马克杯', '手工上釉，350 毫升。168 元'],
      ['铸铁茶壶', '保温一小时。399 元'],
      ['茶叶品鉴礼盒', '十二种散装茶叶。128 元'],
    ],
    tryTitle: '试试智能客服',
    tryText: `右下角的聊天按钮就是 Parley 客服挂件，只需一行 script 标签即可嵌入。
       可以问它 <code>发货后多久能到？</code>、<code>运费怎么算？</code> 或 <code>怎么退货？</code>，
       也可以输入 <code>转人工</code> 转接人工客服。`,
    staff: '客服人员在<a href="/console/">员工控制台</a>中回复。服务状态：<a href="/healthz">/healthz</a>。',
    openChat: '和客服聊聊',
    footer: '本商店为虚构。嵌入代码：<code>&lt;script src="https://your-parley/widget.js" data-parley-locale="zh-CN" async&gt;&lt;/script&gt;</code>',
    other: { href: '/en/', label: 'English', lang: 'en' },
  },
};
