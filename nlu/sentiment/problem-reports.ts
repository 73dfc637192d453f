/**
 * Problem reports with no evaluative word, as customers post them to a brand's support account: things
 * that did not happen ("hasn't updated in 6 days", "never went through"), missing contact ("no call no
 * text", "zero info"), wrong goods ("got X instead of Y"), delivered-but-not-here, hacked accounts, loyalty
 * reproaches and irony ("great way to start the holiday", "..., thanks a lot"). Shapes of English, not
 * sentences of a data set; gaps are bounded so a long paste stays linear.
 */
const N = '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a\\s+few)';
const SPAN = '(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)';
const NOT = "(?:n't|\\bnot|\\bnever|\\bno)";

export const PROBLEM_REPORTS: [number, RegExp][] = [
  // Nothing happened for a span: "hasn't updated in 6 days", "no reply in two weeks".
  [-2.5, new RegExp(`${NOT}\\b.{0,60}\\bin\\s+(?:over\\s+|more\\s+than\\s+)?${N}\\s+${SPAN}\\b`)],
  // Did not happen: "didn't work", "never went through", "wasn't delivered", "didn't even knock".
  [-2.5, /\b(?:did|does|do|was|were|has|have|is|are)(?:n't|\s+not)\s+(?:\w+\s+)?(?:work|updated?|change[ds]?|ship(?:ped)?|move[ds]?|go\s+through|gone\s+through|load(?:ed)?|show\s+up|turn\s+up|come\s+through)\b|\bnever\s+(?:went|goes|gone|got)\s+through\b/],
  [-2, /\b(?:did|does|would|could|ca|wo)(?:n't|\s+not)\s+even\b/],
  // Missing contact or information: "no call no text", "zero info", "no way to reach", "no driver".
  [-2.5, /\b(?:no|zero|without\s+(?:any|a))\s+(?:call|calls|text|texts|email|emails|info|information|communication|contact|driver|courier|technician|tech|notice|notification|way\s+to\s+(?:reach|contact|talk|speak|get|fix|cancel))\b/],
  // Rhetorical or reproachful: "why am I paying", "this is how you treat", "don't understand how".
  [-2.5, /\bwhy\s+(?:am|should)\s+i\b|\bhow\s+you\s+treat\b|\b(?:do|did)(?:n't|\s+not)\s+understand\s+(?:how|why)\b|\bfor\s+no\s+(?:apparent\s+|good\s+)?reason\b|\b(?:no\s+one|nobody)\s+(?:will|can|could|would)\s+(?:tell|explain)\b/],
  // Wrong goods and vanished deliveries: "got oat milk instead of chicken", "says delivered but".
  [-2, /\b(?:got|received|sent|delivered|gave|brought)\b.{0,40}\binstead\s+of\b|\b(?:says|said|shows?|showed|marked)\s+(?:as\s+)?delivered\b|\bcame\s+and\s+went\b/],
  // Accounts taken over or devices ruined; outages: "got hacked", "bricked", "been out since".
  [-3, /\b(?:got|been|was|were|is)\s+(?:hacked|compromised|hijacked|bricked)\b|\bbricked\b|\b(?:been|went)\s+(?:down|out)\b/],
  [-3, /\b(?:is|was|were|are|what|such)\s+(?:an?\s+)?(?:absolute\s+|complete\s+|total\s+)?joke\b/],
  // Irony: "great way to start the holiday", a complaint closed by "thanks a lot" / "thanks for that".
  [-6, /\b(?:great|nice|perfect|wonderful|lovely|fantastic|brilliant)\s+way\s+to\s+(?:start|end|spend|treat|begin)\b/],
];

/**
 * A statement (not a question or request) that says something is absent or did not happen, with no praise
 * in it: "the car we reserved wasn't there", "no record of my booking", "sent back without a delivery
 * attempt". Customers do not write to support to report that things went right by negation.
 */
export const NEGATED_STATEMENT = /\b(?:wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't|didn't|doesn't|won't|can't|couldn't|without\s+(?:a|any|an)|no\s+(?:record|sign|trace|way|longer))\b/;

/** "..., thanks a lot" at the end of a complaint is sarcasm (checked only when the rest is negative). */
export const SARCASTIC_THANKS = /[,.!-]\s*(?:thanks|thank\s+you)\s+(?:a\s+lot|so\s+much|for\s+that|very\s+much)[.!]*$/;
