/**
 * Support-specific complaint and anger patterns, scored as extra valence. They
 * carry what single words miss: "this is the third time", "still waiting",
 * "hasn't arrived", "on hold for an hour" have no negative word in them.
 */
export const ANGER_PATTERNS: [number, RegExp][] = [
  [-3, /\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|umpteenth|hundredth)\s+time\b/],
  [-3, /\b(?:\w+\s+times\s+(?:already|now)|(?:keep|kept)\s+(?:telling|asking|calling|getting|happening|crashing|failing|dropping))/],
  [-2.5, /\bstill\s+(?:waiting|no|not|nothing|hasn'?t|haven'?t|isn'?t|doesn'?t|don'?t|can'?t|broken|missing|charged)\b/],
  [-3, /\b(?:stole|steal(?:ing)?|took|taken|take)\s+(?:my|our)\s+money\b/],
  [-3, /\b(?:want|need|give\s+me|demand)\s+(?:my|a\s+full)\s+(?:money|refund)\s*back\b|\bmoney\s+back\b/],
  // "How do I cancel my subscription?" is a request, not anger.
  [-2, /^(?!.*\b(?:how|can i|could i|where|is it possible)\b).*\bcancel(?:l?ing)?\s+(?:my|our|the)\s+(?:account|subscription|membership|order|contract)\b/],
  [-3, /\b(?:never\s+(?:again|ordering|buying|using|coming\s+back)|last\s+time\s+i)\b/],
  [-3, /\b(?:sick\s+(?:and\s+tired\s+)?of|fed\s+up|had\s+enough|done\s+with\s+you|waste\s+of\s+(?:time|money))\b/],
  [-2.5, /\b(?:on\s+hold|waiting|waited)\s+(?:for\s+)?(?:over\s+|more\s+than\s+)?(?:an?|\d+|two|three|four|five|several)\s+(?:hours?|days?|weeks?|months?|minutes?|mins?)\b/],
  [-2.5, /\b(?:has(?:n'?t|\s+not)|have(?:n'?t|\s+not)|did(?:n'?t|\s+not)|never)\s+(?:\w+\s+)?(?:arrived|received|come|got|gotten|shown\s+up|showed\s+up|replied|responded|called|heard|delivered|fixed|processed|refunded)\b/],
  [-2.5, /\b(?:does(?:n'?t|\s+not)|do(?:n'?t|\s+not)|is(?:n'?t|\s+not)|won'?t|will\s+not|can'?t|cannot|could(?:n'?t|\s+not))\s+(?:\w+\s+)?(?:work|working|load|open|connect|log\s*in|check\s*out|exist|respond|help)\b/],
  [-2.5, /\b(?:charged|billed)\s+(?:me\s+)?(?:twice|double|two\s+times|again|without)|\bdouble[-\s]charged\b/],
  [-2.5, /\b(?:no\s+one|nobody|noone)\s+(?:is\s+|has\s+|will\s+)?(?:help|answer|respond|repl|call|fix|get)/],
  [-3, /\b(?:report(?:ing)?\s+you|lawyer|sue\s+you|consumer\s+protection|chargeback|bbb)\b/],
  [-2, /\b(?:wrong|not\s+what\s+i)\s+(?:item|size|order|product|ordered|address|amount|color|colour)\b/],
  [-2, /\bwhy\s+(?:is\s+it\s+so|do\s+i\s+have\s+to|did\s+you|would\s+you|are\s+you|is\s+there\s+no|can'?t\s+you|does\s+it\s+take)\b/],
  // Sarcasm cancels the positive words it is made of.
  [-8, /\b(?:thanks|thank\s+you)\s+for\s+nothing\b|\b(?:great|perfect|wonderful|brilliant),?\s+just\s+(?:great|perfect|wonderful|brilliant)\b/],
  [-2, /\b(?:talk|speak)\s+to\s+(?:a\s+)?(?:real\s+)?(?:human|person|manager|supervisor)\b.*\b(?:useless|stupid|bot)\b|\b(?:useless|stupid)\s+(?:bot|chatbot|app|service)\b/],
  [-2.5, /\b(?:hung\s+up\s+on|(?:been|is|was|went|are)\s+down\b|outages?\b|nothing\s+happened|(?:took|takes|taking|taken)\s+(?:over\s+|more\s+than\s+)?(?:an?|\d+|two|three|four|five|several)\s+(?:hours?|days?|weeks?|months?))/],
  [-2, /\b(?:did(?:n'?t|\s+not)|does(?:n'?t|\s+not)|never)\s+(?:create|show|save|send|load|update|arrive|refund|apply)\b/],
  // Unresolved for a while / repeated effort: "since Tuesday", "five times today", "every single time", "..., again".
  [-2, /\b(?:since|for)\s+(?:yesterday|last\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|this\s+morning|(?:a|one|two|three|four|five|several|\d+)\s+(?:days?|weeks?|months?))\b.*\b(?:still|not|no|never|out|down|trying|waiting|broken)\b|\b(?:still|not|no|never|out|down|trying|waiting|broken)\b.*\bsince\s+(?:yesterday|last\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|this\s+morning|\d+\s+\w+)/],
  [-2, /\b(?:(?:two|three|four|five|six|ten|\d+|several|multiple|many)\s+times\s+(?:today|this\s+week|already|now|in\s+a\s+row)|every\s+single\s+(?:time|day|update)|every\s+time\s+i)\b|,\s*again[.!?]*$/],
  [-2, /\b(?:trying\s+to\s+(?:reach|contact|call|get\s+(?:through|hold|someone))|without\s+(?:asking|permission|notice|warning|my\s+consent)|(?:no|zero)\s+(?:explanation|update|response|reply|answer|one\s+told)|(?:two|three|four|five|six|seven|\d+|several|multiple)\s+(?:attempts|tries|calls|emails))\b/],
  // Churn threats.
  [-2.5, /\b(?:(?:switch|switching|move|moving|go|going)\s+(?:to\s+(?:another|a\s+different|your\s+competitor)|providers?|elsewhere|somewhere\s+else)|considering\s+(?:switching|leaving|cancel)|take\s+my\s+business\s+elsewhere)\b/],
  [-3, /\b(?:is|what|such)\s+an?\s+(?:joke|farce|shambles|disgrace)\b/],
  [-2, /\b(?:getting\s+(?:really\s+|very\s+)?old|fix\s+your|sort\s+it\s+out|do\s+better|get\s+it\s+together)\b/],
  [2, /\b10\s*\/\s*10\b|\b(?:shout\s*out|hats\s+off|above\s+and\s+beyond|well\s+done|good\s+job|great\s+job|nice\s+one|keep\s+it\s+up)\b/],
  [1.5, /\b(?:on\s+time|well\s+packaged|as\s+described|as\s+always)\b/],
];
