import type { Intent } from '../../core/index.js';

/** The demo bot's intents (seeded on first boot). Utterances written for Parley. */
export const demoIntents: Intent[] = [
  {
    name: 'greeting',
    answer: 'Hi {{customer.firstName|there}}! I am the Parley assistant. Ask me about orders, passwords, refunds or opening hours.',
    utterances: [
      'hi', 'hello', 'hey', 'hey there', 'hello there', 'good morning', 'good afternoon', 'good evening', 'hi, anyone there?',
      'hello, I need some help', 'hiya', 'greetings', 'yo', 'morning!', 'hi team', 'hey, how are you?', 'hello bot',
    ],
  },
  {
    name: 'thanks',
    answer: 'You are welcome! Anything else I can do for you?',
    utterances: [
      'thanks', 'thank you', 'thanks a lot', 'thank you so much', 'many thanks', 'cheers', 'thx', 'ty',
      'that was helpful, thanks', 'great, thank you', 'perfect, thanks for the help', 'much appreciated', 'I appreciate it',
      'thanks, that solved it',
    ],
  },
  {
    name: 'goodbye',
    answer: 'Goodbye, have a great day!',
    utterances: [
      'bye', 'goodbye', 'bye bye', 'see you', 'see you later', 'talk to you later', 'that is all', "that's all for today",
      'have a nice day', 'I am done', 'nothing else, bye', 'ok bye', 'catch you later', 'good night',
    ],
  },
  {
    name: 'human',
    escalate: true,
    answer: 'Let me connect you with a member of our team.',
    utterances: [
      'talk to a human', 'speak to a person', 'I want to talk to a real person', 'connect me to an agent',
      'can I speak with someone', 'get me a human', 'human please', 'agent please', 'transfer me to customer service',
      'I need to talk to a representative', 'let me speak to your manager', 'is there a real person I can chat with',
      'stop the bot and get me a human', 'live agent', 'I would like to speak to support staff', 'operator',
    ],
  },
  {
    name: 'order_status',
    answer: 'Let me look up order {{order_id}}. You can also follow it with the tracking link in your confirmation email.',
    slots: [{ name: 'order_id', entity: 'order_id', prompt: "What's your order number?" }],
    // Signed-in customers (widget identity, webhook user) get the order's status, date and tracking link from the
    // store; anyone else is asked to sign in. The answer above is the fallback when the lookup cannot run.
    action: { type: 'builtin', name: 'order_status' },
    utterances: [
      'where is my order', 'where is my order #A12345', 'track my order', 'what is the status of my order',
      'has my order shipped yet', 'when will my package arrive', 'my parcel has not arrived', 'order ORD-123456 status',
      'can you check my delivery', 'where is my package', 'is my order on the way', 'I want to track order #B77881',
      'how long until my order gets here', 'my delivery is late', 'tracking number for my order',
      'did you ship my order ORD-998877', 'I have not received my order yet', 'when does my order come', 'order status please',
      'check the status of order #C40404',
    ],
  },
  {
    name: 'reset_password',
    answer: 'Go to Sign in > "Forgot password", enter your email and follow the link we send you (valid for 30 minutes).',
    utterances: [
      'reset my password', 'I forgot my password', 'how do I change my password', 'I cannot log in', "can't sign in to my account",
      'password reset', 'my password does not work', 'locked out of my account', 'how can I recover my account',
      'send me a password reset link', 'I need a new password', 'the reset link expired', 'login not working',
      'I forgot my login details', 'change password', 'help me get back into my account',
    ],
  },
  {
    name: 'opening_hours',
    answer: 'Our support team is available Monday to Friday 8:00-20:00 and Saturday 9:00-14:00 (CET).',
    utterances: [
      'what are your opening hours', 'when are you open', 'are you open on saturday', 'opening times',
      'what time do you close today', 'are you open on sunday', 'business hours', 'when can I call you',
      'what time does support start', 'are you open now', 'hours of operation', 'is the store open tomorrow',
      'until when are you open', 'are you open on public holidays',
    ],
  },
  {
    name: 'cancel_subscription',
    answer: 'You can cancel any time under Account > Subscription > Cancel. Your plan stays active until the end of the paid period.',
    utterances: [
      'cancel my subscription', 'how do I cancel my plan', 'I want to unsubscribe', 'stop my membership',
      'end my subscription', 'cancel my account', 'I no longer want the service', 'how to cancel auto renewal',
      'turn off automatic renewal', 'terminate my contract', 'please cancel my monthly plan', 'I want to quit the subscription',
      'close my account', 'stop charging me every month', 'downgrade and cancel',
    ],
  },
  {
    name: 'refund',
    answer: 'Refunds go back to the original payment method within 5-10 business days after we receive the return.',
    utterances: [
      'I want a refund', 'how do I get my money back', 'refund my order', 'can I return this for a refund',
      'when will I get my refund', 'my refund has not arrived', 'I was charged twice, refund me', 'return policy',
      'how long do refunds take', 'request a refund', 'money back please', 'I returned the item, where is my money',
      'the product is broken, I want my money back', 'refund status', 'can you reimburse me',
    ],
  },
  {
    name: 'change_delivery',
    answer: 'Thanks — new delivery day for order {{order_id}}: {{date}}. We will confirm it by email to {{email}}.',
    slots: [
      { name: 'order_id', entity: 'order_id', prompt: 'Which order should we deliver on another day? Your order number, please.' },
      { name: 'date', entity: 'date', prompt: 'Which day suits you for the delivery?' },
      { name: 'email', entity: 'email', prompt: 'Which email address should the confirmation go to?' },
    ],
    confirm: 'So: order {{order_id}}, new delivery day {{date}}, confirmation to {{email}}. Shall I send the request?',
    utterances: [
      'change my delivery date', 'reschedule my delivery', 'can you deliver my order on another day', 'I will not be home, move my delivery',
      'deliver my parcel on a different day', 'change the delivery day of my order', 'postpone my delivery', 'can the package come next week instead',
      'I want a different delivery date', 'reschedule delivery of order #A12345', 'move my delivery to friday', 'can you deliver tomorrow instead',
      'change delivery date for ORD-123456', 'I need to rearrange my delivery', 'please deliver it on monday instead', 'new delivery date please',
    ],
  },
];
