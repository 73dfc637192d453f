import type { FaqInput } from '../../core/index.js';

/** The "Parley Demo Store" FAQ in Chinese (DEMO_LANGUAGE=zh), written for Parley. */
export const demoFaqsZh: FaqInput[] = [
  {
    id: 'zh-shipping-times',
    question: '发货后多久能到？',
    answer: '工作日下午两点前下单当天发货。普通快递 2-4 个工作日送达，加急快递 1-2 个工作日送达。',
    alternates: ['快递几天能到', '什么时候能收到货', '配送需要多长时间', '你们发货快吗'],
    tags: ['shipping'],
  },
  {
    id: 'zh-shipping-costs',
    question: '运费怎么算？',
    answer: '订单满 50 元包邮，不满 50 元收取运费 4.9 元；加急快递一律 9.9 元。',
    alternates: ['包邮吗', '邮费多少钱', '快递费怎么收', '满多少免运费'],
    tags: ['shipping'],
  },
  {
    id: 'zh-returns',
    question: '怎么退货？',
    answer: '收货后 30 天内可在“我的订单”中申请退货，打印退货单后寄回即可，退货运费由我们承担。',
    alternates: ['可以退货吗', '退货流程是什么', '七天无理由退货吗', '东西不想要了怎么办'],
    tags: ['returns'],
  },
  {
    id: 'zh-refund-time',
    question: '退款多久到账？',
    answer: '仓库收到退货后 2 个工作日内处理，款项原路退回，银行到账一般需要 5-10 个工作日。',
    alternates: ['钱什么时候退回来', '退款怎么还没到', '退款到哪里了', '退款需要几天'],
    tags: ['returns'],
  },
  {
    id: 'zh-damaged',
    question: '收到的商品坏了怎么办？',
    answer: '很抱歉！请在“我的订单”中上传商品和包装的照片，我们会免费补发或全额退款。',
    alternates: ['东西坏了', '商品有破损', '收到的杯子碎了', '货物损坏怎么处理'],
    tags: ['returns'],
  },
  {
    id: 'zh-payment',
    question: '支持哪些付款方式？',
    answer: '支持支付宝、微信支付、银联卡和信用卡，企业客户可申请月结。',
    alternates: ['可以用微信付款吗', '能用支付宝吗', '怎么付款', '支持信用卡吗'],
    tags: ['payment'],
  },
  {
    id: 'zh-invoice',
    question: '怎么开发票？',
    answer: '下单时勾选“需要发票”并填写抬头和税号，电子发票会在发货后发送到您的邮箱。',
    alternates: ['能开发票吗', '发票怎么申请', '电子发票在哪里下载', '我要开增值税发票'],
    tags: ['payment'],
  },
  {
    id: 'zh-change-address',
    question: '下单后可以修改收货地址吗？',
    answer: '订单发货前可以在“我的订单”中修改地址；已发货的订单请联系客服，我们会尽量帮您联系快递改址。',
    alternates: ['地址写错了', '怎么改收货地址', '能换个地址吗', '收件人信息填错了'],
    tags: ['orders'],
  },
];
