import type { Intent } from '../../core/index.js';

/** The demo bot in Chinese (DEMO_LANGUAGE=zh): the English demo's intents, answers and utterances written in Chinese. */
export const demoIntentsZh: Intent[] = [
  {
    name: 'greeting',
    answer: '您好！我是 Parley 智能客服，可以帮您查询订单、重置密码、办理退款或了解营业时间。',
    utterances: ['你好', '您好', '在吗', '有人吗', '哈喽', '早上好', '下午好', '晚上好', '你好，我需要帮助', '客服你好', '嗨', '您好，请问在吗'],
  },
  {
    name: 'thanks',
    answer: '不客气！还有什么可以帮您的吗？',
    utterances: ['谢谢', '谢谢你', '非常感谢', '多谢', '感谢帮助', '好的谢谢', '太感谢了', '谢啦', '辛苦了', '问题解决了，谢谢'],
  },
  {
    name: 'goodbye',
    answer: '再见，祝您生活愉快！',
    utterances: ['再见', '拜拜', '下次见', '没有其他问题了', '就这样吧', '好的，再见', '回头见', '没事了，拜拜'],
  },
  {
    name: 'human',
    escalate: true,
    answer: '好的，我为您转接人工客服。',
    utterances: ['转人工', '我要找人工客服', '人工服务', '找真人', '让客服跟我说', '我不想和机器人聊', '请帮我转接客服', '有没有人工', '接通人工客服', '我要投诉，找你们负责人'],
  },
  {
    name: 'order_status',
    answer: '我来查一下订单 {{order_id}}。您也可以通过确认邮件里的物流链接查看进度。',
    slots: [{ name: 'order_id', entity: 'order_id', prompt: '请问您的订单号是多少？' }],
    action: { type: 'builtin', name: 'order_status' },
    utterances: [
      '我的订单到哪了', '查一下我的订单', '快递什么时候到', '订单状态', '我的包裹还没到', '帮我查物流', '我的货发了吗',
      '订单号A12345到哪了', '什么时候发货', '物流信息查不到', '我买的东西什么时候送到', '查询订单ORD-123456', '快递一直没到',
    ],
  },
  {
    name: 'reset_password',
    answer: '请在登录页点击“忘记密码”，输入邮箱后按邮件中的链接重置（30 分钟内有效）。',
    utterances: ['忘记密码了', '怎么重置密码', '密码登不上', '修改密码', '找回密码', '登录不了，密码错误', '我想改密码', '密码忘了怎么办'],
  },
  {
    name: 'opening_hours',
    answer: '客服时间：周一至周五 8:00-20:00，周六 9:00-14:00。',
    utterances: ['你们几点上班', '营业时间', '周末有人吗', '几点下班', '客服工作时间', '周六营业吗', '什么时候可以联系客服', '今天开门吗'],
  },
  {
    name: 'cancel_subscription',
    answer: '您可以随时在“账户 > 订阅 > 取消”中取消，已付费的周期结束前仍可使用。',
    utterances: ['取消订阅', '我不想续费了', '怎么退订', '关闭自动续费', '停止会员', '取消我的会员', '不要再扣费了', '怎么取消套餐'],
  },
  {
    name: 'refund',
    answer: '收到退货后，退款会在 5-10 个工作日内原路退回。',
    utterances: ['我要退款', '怎么申请退款', '退款多久到账', '可以退货吗', '钱什么时候退回来', '东西坏了要退款', '退货流程', '我想把钱退回来'],
  },
  {
    name: 'change_delivery',
    answer: '好的，订单 {{order_id}} 的新送货日期：{{date}}。确认邮件会发到 {{email}}。',
    slots: [
      { name: 'order_id', entity: 'order_id', prompt: '要改哪个订单的送货时间？请告诉我订单号。' },
      { name: 'date', entity: 'date', prompt: '您希望哪天送货？' },
      { name: 'email', entity: 'email', prompt: '确认邮件发到哪个邮箱？' },
    ],
    confirm: '确认一下：订单 {{order_id}}，新送货日期 {{date}}，确认邮件发到 {{email}}。要提交吗？',
    utterances: ['改一下送货时间', '我想换个日期送货', '能不能改天再送', '那天家里没人，改个时间送', '推迟送货', '送货日期改到下周', '能明天送吗', '修改配送日期'],
  },
];
