import type { FormSlot, FormSpec } from './form-spec.js';
import type { FormReplies } from './form-text.js';

/** How a Chinese sentence names a builtin slot; an admin's own slot keeps its name. */
const LABELS: Record<string, string> = {
  order_id: '订单号',
  email: '邮箱地址',
  phone: '手机号',
  number: '数量',
  date: '日期',
  time: '时间',
  money: '金额',
  url: '网址',
};

export const EXAMPLES_ZH: Record<string, string> = {
  order_id: 'A12345',
  email: 'ann@example.com',
  phone: '13812345678',
  number: '2 或 两个',
  date: '明天 或 3月12日',
  time: '下午五点 或 17:30',
  money: '49.99元',
  url: 'https://example.com',
};

const label = (slot: FormSlot): string => LABELS[slot.name] ?? LABELS[slot.entity] ?? slot.label;
const names = (form: FormSpec): string => form.slots.map(label).join('、');

/**
 * The form engine's own sentences for Chinese-speaking customers. The request is not named by the
 * intent's (usually English) identifier: "您的请求" reads naturally and leaks no internal names.
 */
export const formRepliesZh: FormReplies = {
  ask: (slot) => slot.prompt ?? `请提供您的${label(slot)}。`,
  reask: (slot, example) => `抱歉，这看起来不像是${label(slot)}${example ? `（例如 ${example}）` : ''}。${formRepliesZh.ask(slot)}`,
  offerHuman: (slot) => `我还是没能识别出${label(slot)}。需要为您转接人工客服吗？`,
  unavailable: () => '这个请求我现在无法在这里办理。需要为您转接人工客服吗？',
  confirmAgain: (question) => `请回答“是”或“否”。${question}`,
  whichChange: (form) => `需要修改哪一项：${names(form)}？`,
  cancelled: () => '好的，已为您取消这个请求。',
  superseded: () => '已取消之前的请求，先处理您现在的问题。',
  expired: () => '您之前的请求已超时，已为您关闭。',
  resume: (_form, question) => `我们回到刚才的请求：${question}`,
  done: '谢谢，信息已经齐全了。',
  human: { label: '转人工客服', text: '转人工' },
};
