/**
 * Complaint templates beyond single anger phrases: repeated effort, time
 * spent unresolved, things that stopped or vanished, "no X" outages, churn,
 * and rhetorical questions. Each is written as a shape of English, not as a
 * sentence from any data set. Gaps are bounded (.{0,100}) so a 2,000-character paste stays linear.
 */
const N = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|several|many|multiple|a\\s+few|a\\s+couple\\s+(?:of\\s+)?)';
const SPAN = '(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)';

export const COMPLAINT_TEMPLATES: [number, RegExp][] = [
  // "how many times do I have to", "how hard is it to", "how is it acceptable", "what's the point of".
  [-3, /\bhow\s+many\s+(?:more\s+)?times\b|\bhow\s+(?:hard|difficult)\s+(?:is\s+it|can\s+it\s+be)\b|\bhow\s+(?:is|was)\s+(?:it|this|that)\s+(?:acceptable|ok|okay|fair|legal|possible)\b|\bwhat'?s?\s+(?:is\s+)?the\s+point\b|\bwhat\s+am\s+i\s+paying\b|\bhow\s+do\s+you\s+(?:lose|forget|manage\s+to)\b/],
  // Repetition: "again", "every time", "N times" with a verb of effort or failure, "for the second time".
  [-2, /(?<!\b(?:thanks|thank\s+you|order|buy|use|book|fly|shop|come|visit|stay|recommend|definitely|will|would)\s)\b(?:again|yet\s+again|once\s+again|every\s+(?:single\s+)?time|each\s+time|over\s+and\s+over|in\s+a\s+row|round\s+in\s+circles|in\s+circles)\b/],
  [-2, /\b(?:twice|(?:two|three|four|five|six|\d+|several|multiple)\s+times)\b/],
  // Time spent unresolved: "for 10 days", "after 3 weeks", "over an hour", "N days later".
  [-2, new RegExp(`\\b(?:for|after|over|nearly|almost|since)\\s+(?:over\\s+|more\\s+than\\s+|nearly\\s+|almost\\s+)?${N}\\s+${SPAN}\\b|\\b${N}\\s+${SPAN}\\s+(?:later|now|and\\s+(?:still|no|nothing))\\b`)],
  // Waited or delayed by a span: "delayed 3 hours", "arrived a week late".
  [-2, new RegExp(`\\b(?:delayed|late|waited|waiting|queue[d]?|hold)\\s+(?:by\\s+|for\\s+)?(?:over\\s+|more\\s+than\\s+)?${N}\\s+${SPAN}|\\b${N}\\s+${SPAN}\\s+(?:late|overdue|delay)`)],
  // Blocked by the product: "won't let me", "keeps logging me out", "stopped working".
  [-2.5, /\b(?:won'?t|will\s+not|doesn'?t|does\s+not|didn'?t|wouldn'?t)\s+let\s+me\b|\b(?:keeps?|kept)\s+(?:\w+ing)\b|\b(?:stopped|stops|quit)\s+(?:working|charging|loading|responding)\b|\bgave\s+up\b|\btried\s+(?:everything|again|reinstalling|restarting|resetting|\w+ing)\b.{0,100}\b(?:nothing|still|no\s+luck|same)\b/],
  // Missing service: "no wifi", "no internet", "no signal", "no power", "no one".
  [-2.5, /\bno\s+(?:wifi|wi-fi|internet|signal|service|power|heating|heat|hot\s+water|water|connection|coverage|dial\s+tone|reception|response|reply|replies|answer|update|updates|follow[-\s]?up|refund|compensation|apology|explanation|help|support|luck|warning|notice|one\s+(?:cares|answers|called|replied))\b/],
  // Gone or wrong hands: "vanished", "someone else's order", "never showed up".
  [-2.5, /\b(?:someone|somebody)\s+else'?s\b|\b(?:never|didn'?t|did\s+not)\s+(?:show(?:ed)?\s+up|turn(?:ed)?\s+up|come|came|arrive|call(?:ed)?\s+back)\b|\bgiven\s+to\s+someone\s+else\b/],
  // Churn: "thinking of leaving", "looking for another provider", "cancel everything".
  [-2.5, /\b(?:thinking\s+(?:of|about)|considering|about\s+to|going\s+to|ready\s+to)\s+(?:leaving|leave|switching|switch|cancelling|canceling|cancel|closing|close)\b|\b(?:another|a\s+new|a\s+different)\s+(?:provider|bank|carrier|company|airline|supplier)\b|\bswitching\s+providers?\b/],
  // Broken promises: "I was promised", "you said", "supposed to".
  [-2, /\b(?:i\s+was\s+(?:promised|told|assured)|you\s+(?:promised|said\s+it\s+would)|supposed\s+to\s+(?:be|have|arrive|get|call))\b.{0,100}\b(?:never|not|no|nothing|still|but|that\s+was|ago|last)\b/],
  // Rhetorical "why" and "do you even": "why does it take", "why is there", "do you even check".
  [-2, /\bwhy\s+(?:does|do|did|is|are|was|were|would|should|must|has|have|can'?t|won'?t|isn'?t|doesn'?t)\b|\bdo\s+you\s+(?:guys\s+|people\s+)?even\b|\bis\s+any(?:one|body)\s+(?:actually|even)\s+(?:there|working|reading|listening)\b/],
  // Money taken: "paid for X and", "took my payment", "charged for something I".
  [-2, /\b(?:took|taken|take)\s+(?:my|the)\s+(?:payment|deposit|money)\b|\bpaid\s+(?:for|extra|\$|£|€)\S*.{0,100}\b(?:never|not|no|didn'?t|still|late|wrong|instead)\b|\bcharged\s+(?:me\s+)?(?:for\s+(?:something|a|an)\b.{0,100}\b(?:never|didn'?t|not))/],
  // "it's been 6 weeks", "three days now": said to press, not to inform.
  [-3, new RegExp(`\\b(?:it'?s|it\\s+has|has|have|i'?ve)\\s+been\\s+(?:over\\s+|more\\s+than\\s+|nearly\\s+|almost\\s+)?${N}\\s+${SPAN}\\b`)],
  [-2.5, /\b(?:can'?t|cannot|could\s?n'?t)\s+believe\b|\brip(?:ped)?\s*-?\s*off\b|\b(?:bill|price|prices|premium|rate|fee|fees|cost|subscription)\s+(?:has\s+|have\s+)?(?:doubled|tripled|gone\s+up|went\s+up|jumped|skyrocketed|increased\s+again)\b/],
  // Ironic praise: "oh wonderful, ...", "great, another delay", "perfect, more waiting".
  [-6, /^(?:oh|ah|wow)\s+(?:great|wonderful|perfect|brilliant|fantastic|lovely|awesome|nice|cool|joy|good)\b|\b(?:great|wonderful|perfect|brilliant|fantastic|lovely|awesome|nice|cool)[,.!]+\s+(?:another|more|yet)\b/],
  // Unmet expectations and unreachable staff: "not as described", "expected better", "can't reach anyone".
  [-3, /\bnot\s+(?:as|what\s+(?:was|is|you))\s+(?:described|advertised|pictured|promised|shown|ordered)\b|\bexpected\s+(?:much\s+|a\s+lot\s+|far\s+)?(?:better|more)\b|\b(?:advertis|promis|claim)\w*\b.{0,100}\bbut\b/],
  [-2.5, /\b(?:can'?t|cannot|could\s?n'?t|unable\s+to)\s+(?:reach|contact|get\s+(?:hold\s+of|through\s+to|through)|speak\s+to|talk\s+to)\b|\b(?:did(?:n'?t|\s+not)|does(?:n'?t|\s+not)|won'?t)\s+(?:even\s+)?(?:listen|care|bother|answer|reply|read)\b|\bstop\s+(?:calling|emailing|texting|messaging|charging|sending)\b|\basked\s+(?:you\s+)?(?:to\s+be\s+removed|several|many|multiple|\w+\s+times)\b|\bspent\s+(?:over\s+)?(?:\d+|an?|two|three|four|five|several|hours|days)\s*\w*\s+(?:on\s+the\s+phone|trying|waiting|on\s+hold|chasing)/],
];
