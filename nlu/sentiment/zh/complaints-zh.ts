/**
 * Customer-service complaint patterns (simplified text, NFKC punctuation): waiting and non-delivery, things
 * broken or wrong, asking for money back, threats to leave or complain, exasperated questions.
 */
const N = '(?:[一二两三四五六七八九十半几0-9]+)';
export const ZH_COMPLAINTS: [number, RegExp][] = [
  [-2.5, /还(?:没|没有|未)(?:到|送到|送来|收到|发货|发出|来|处理|退|回复|解决)/],
  [-2, new RegExp(`(?:等了|等|送了|用了|过了)${N}(?:个)?多?(?:小时|钟头|分钟|天)`)],
  [-2.5, new RegExp(`${N}(?:个)?多?(?:小时|钟头|天)(?:才|都|还|了还)`)],
  [-2, /(?:怎么|为什么|为啥|咋)(?:还|又|一直|老是|总是)?(?:没|不|是这样)/],
  [-2, /一直(?:没|不|在等|等)/],
  [-1.5, /到底|究竟/],
  [-2.5, /什么(?:破|垃圾|鬼|玩意)/],
  [-2.5, /(?:没人|没有人|不给|不让|拒绝)(?:理|管|回|处理|接|退|赔)/],
  [-2, /(?:第|好|多)?[二两三四五六七八九十几]次(?:了|催|打|问|联系)/],
  [-2.5, /(?:以后|再也|永远)(?:不|别)(?:会|来|点|买|用)/],
  [-2, /(?:要求|我要|给我)(?:退款|退钱|退货|赔偿|补偿)/],
  // "没有筷子", "没送饮料": something that should have come did not (a clause that is only "no X").
  [-1.5, /(?:^|[,.!?;\s])(?:没有|没|没给|没送|没放|忘了|忘记)(?:给|送|放|带)?[\u4e00-\u9fff]{1,4}(?:$|[,.!?;\s])/],
];

/** A polite question with one mild problem word asks for something ("请问怎么申请退款?"); it is not a complaint. */
export const ZH_QUESTION = /(?:吗|么|呢|请问|怎么|如何|能否|可以|可不可以|能不能)[?]?$|^请问|[?]$/;
