/** Every sentence the bot itself says (intent and FAQ answers come from admin content). */
export const replies = {
  fallback: "Sorry, I didn't get that. Could you rephrase? You can also ask for a human.",
  clarify: 'Did you mean one of these?',
  connecting: 'Connecting you to an agent…',
  joined: (name: string) => `${name} joined`,
  released: (name: string) => `${name} left the conversation. The assistant is back to help.`,
  closed: 'Conversation closed',
} as const;
