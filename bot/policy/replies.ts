import type { Language } from '../../core/index.js';

/** Every sentence the bot itself says (intent and FAQ answers come from admin content). */
export const replies = {
  fallback: "Sorry, I didn't get that. Could you rephrase? You can also ask for a human.",
  clarify: 'Did you mean one of these?',
  connecting: 'Connecting you to an agent…',
  joined: (name: string) => `${name} joined`,
  released: (name: string) => `${name} left the conversation. The assistant is back to help.`,
  closed: 'Conversation closed',
} as const;

export type Replies = { [K in keyof typeof replies]: (typeof replies)[K] extends string ? string : (x: string) => string };

/** The same sentences for Chinese-speaking customers (zh-CN). */
export const repliesZh: Replies = {
  fallback: '抱歉，我没有理解您的意思，能换个说法吗？您也可以要求转人工客服。',
  clarify: '您是想问以下哪一个？',
  connecting: '正在为您转接人工客服…',
  joined: (name: string) => `${name} 已加入对话`,
  released: (name: string) => `${name} 已离开对话，智能助手将继续为您服务。`,
  closed: '对话已结束',
};

/** The bot's own sentences in the customer's language (English for every language without its own set). */
export function repliesFor(language: Language | null | undefined): Replies {
  return language === 'zh' ? repliesZh : replies;
}
