import { isCancelZh, isNoZh, isYesZh } from './control-words-zh.js';
/**
 * Short control answers inside a form. Anchored on the whole message so that
 * "cancel my subscription" or "no problem, where is my order" are not read as control words.
 */
const CANCEL = /^(?:(?:no|oh|ok(?:ay)?|please|actually)[\s,.!]+)*(?:cancel|stop|never\s*mind|nevermind|forget\s+(?:about\s+)?it|abort|quit|leave\s+it)(?:\s+(?:it|that|this|please|then|the\s+request|the\s+form))*[\s.!]*$/i;
const YES = /^(?:yes|yeah|yep|yup|y|sure|correct|right|ok(?:ay)?|confirm(?:ed)?|go\s+ahead|please\s+do|absolutely|of\s+course|that'?s\s+(?:right|correct)|that\s+is\s+(?:right|correct)|yes\s+please)\b(?![\s,]*(?:but|except))/i;
const NO = /^(?:no|nope|nah|n|not\s+really|wrong|incorrect|that'?s\s+(?:wrong|not\s+right)|that\s+is\s+wrong)\b/i;

export const isCancel = (text: string): boolean => CANCEL.test(text.trim()) || isCancelZh(text);
export const isYes = (text: string): boolean => YES.test(text.trim()) || isYesZh(text);
export const isNo = (text: string): boolean => NO.test(text.trim()) || isNoZh(text);
