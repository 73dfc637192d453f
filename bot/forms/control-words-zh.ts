/**
 * The same control answers in Chinese. Chinese has no word boundaries for `\b`, so each pattern is
 * anchored on the whole message, allowing a sentence particle and punctuation after it: "取消吧。" cancels,
 * "取消订单" is a request (the NLU's job), "不是，订单号是B22222" says no and corrects in one go.
 */
const END = '[了吧啊呀哦嘛呢的]*[\\s,，.。!！~～]*';
const CANCEL_ZH = new RegExp(`^(?:(?:不用了|好吧|那)[,，]?)?(?:取消|算了|不用了|不要了|不办了|不弄了|停止|退出|不查了|先不了)(?:这个|吧)?${END}$`);
const YES_ZH = new RegExp(`^(?:是|是的|对|对的|没错|好|好的|行|可以|确认|确定|嗯|嗯嗯|没问题|正确)${END}(?:$|[,，])`);
const NO_ZH = new RegExp(`^(?:不是|不对|不|否|错了|不正确|不行)${END}(?:$|[,，])`);

export const isCancelZh = (text: string): boolean => CANCEL_ZH.test(text.trim());
export const isYesZh = (text: string): boolean => YES_ZH.test(text.trim());
export const isNoZh = (text: string): boolean => NO_ZH.test(text.trim());
