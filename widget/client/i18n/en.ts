/**
 * The widget's English strings, and the shape every other locale must fill: a plain object
 * (a few hundred bytes per locale) instead of an i18n library, so the bundle stays small.
 * `{name}` placeholders are filled by `t(key, vars)`.
 */
export const en = {
  title: 'Chat with us',
  openChat: 'Open chat',
  openChatUnread: 'Open chat, {count} new messages',
  closeChat: 'Close chat',
  talkToHuman: 'Talk to a human',
  offlineBanner: 'Connection lost. Reconnecting… Messages you send now will be delivered when you are back.',
  suggestedReplies: 'Suggested replies',
  conversation: 'Conversation',
  inputLabel: 'Type your message',
  inputPlaceholder: 'Type your message…',
  send: 'Send message',
  you: 'You',
  agent: 'Agent',
  assistant: 'Assistant',
  notice: 'Notice',
  sending: 'Sending…',
  queued: 'Waiting for connection…',
  failed: 'Not sent.',
  retry: 'Retry',
  agentTyping: 'The agent is typing',
  assistantTyping: 'The assistant is typing',
  namedTyping: '{name} is typing',
  statusReconnecting: 'Reconnecting…',
  statusConnecting: 'Connecting…',
  statusBot: 'Ask us anything',
  statusQueued: 'Waiting for an agent…',
  statusAgentNamed: 'You are chatting with {name}',
  statusAgent: 'You are chatting with an agent',
  statusClosed: 'Conversation closed',
  csatForm: 'Rate this conversation',
  csatQuestion: 'How was this conversation?',
  csatRating: 'Rating',
  csatStar: '{n} of 5 stars: {label}',
  csat1: 'Very bad',
  csat2: 'Bad',
  csat3: 'Okay',
  csat4: 'Good',
  csat5: 'Excellent',
  csatCommentLabel: 'Comment (optional)',
  csatCommentPlaceholder: 'Anything to add? (optional)',
  csatSend: 'Send rating',
  csatThanks: 'Thanks for your feedback!',
  errOffline: 'You are offline, try again in a moment.',
  errNoAnswer: 'No answer from the server, try again.',
  errTooLong: 'Messages can be at most {max} characters.',
  errRateLimited: 'You are sending too fast, wait a moment.',
  errGeneric: 'Something went wrong, try again.',
};

export type WidgetKey = keyof typeof en;
/** Every locale has exactly the English keys (the compiler checks both missing and extra ones). */
export type WidgetCatalog = Record<WidgetKey, string>;
