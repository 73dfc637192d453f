/**
 * Chinese valence lexicon (-4..4, the English scale), written by hand for customer service, delivery and
 * shopping: general praise and complaint words, food and service quality, delivery problems. Simplified
 * forms only: text is folded from traditional before lookup. Negated forms (不好, 不满意) come from the
 * negation rule, except fixed phrases whose meaning is not the negation of their parts (不错, 没问题).
 */
const ENTRIES: [number, string][] = [
  [-4, '偷工减料 难以下咽 倒掉了 扔了 不敢吃 吃出 一股怪味 垃圾 骗子 黑店 恶心 变质 发霉 馊了 吃坏 拉肚子 想吐 吐了 苍蝇 虫子 蟑螂 异物 假货 欺骗 诈骗 太坑 坑人 气死 恶劣 最差 糟透'],
  [-3, '怪味 异味 变味 臭味 吐槽 大不如前 缩水 越来越差 太差 超级差 不负责 不负责任 没良心 黑心 坑钱 宰客 态度恶劣 态度不好 服务不好 骗 退单 被取消 取消订单 难吃 难喝 难闻 差劲 很差 糟糕 失望 后悔 愤怒 生气 火大 无语 坑爹 上当 骗人 骗钱 忽悠 投诉 差评 举报 拉黑 敷衍 骂人 态度差 服务差 臭了 过期 头发 没熟 夹生 不新鲜 离谱 过分 无耻 恶心人 崩溃 受不了 再也不 不会再 最后一次 一星 零分 踩雷 翻车 倒闭 烂透'],
  [-2.5, '吃不下 咸死 辣死 难看 太油 油太多 漏汤 汤洒 不送 不给 少给 没给 没放 忘了 忘记 缺少 缺斤少两 不够吃 分量太少 不如以前 不推荐 失望透顶 不耐烦 凶 冷漠 催了好几次 打电话 没接 不接 不接电话 拒接 态度 差劲 一塌糊涂 乱七八糟 粗糙 掉价 差 烂 坏了 破了 碎了 破损 漏了 洒了 撒了 送错 漏送 少送 错送 没送 弄错 搞错 拿错 超时 迟到 晚到 太慢 慢死 凉了 冷了 凉透 焦了 糊了 酸了 坏的 脏 脏兮兮 不卫生 油腻 腥 郁闷 烦 烦死 讨厌 难受 难过 伤心 痛苦 委屈 可恶 不满 抱怨 退货 退钱 赔偿 索赔 欺负 不靠谱 失误 浪费 白花 亏了 吃亏'],
  [-2, '退款 好久 老半天 吃不了 不能吃 不能喝 不能用 没法吃 太辣 太甜 太油腻 油 腻 不热 不脆 软了 塌了 坨了 泡发 粘 干了 硬邦邦 冰凉 取消 等了 催 送得慢 速度慢 送餐慢 迟迟 拖 拖延 下次不点 不会再点 慢 太贵 贵了 坑 缺 少了 缺了 错了 分量少 量少 份量少 太少 没味 没味道 寡淡 太咸 齁 干巴巴 硬了 不好 不行 不怎么样 一般般 不如 凑合 勉强 失败 问题 毛病 故障 麻烦事 耽误 着急 急死 饿死 等死 催了 催单 半天 一直没 还没到 没收到 没到 没人 不理 不回 不管 打不通 联系不上 找不到人 可惜 遗憾 不值 不合理 莫名其妙'],
  [-1.5, '贵 咸 淡 硬 凉 冷 晚 迟 少 酸 苦 干 焦 生 软塌塌 一般 普通 马马虎虎 将就 还凑合 有待提高 有待改进 下次不 不推荐 改进 改善 注意 希望 建议 担心 怀疑 奇怪'],
  [1, '好几 好像 好多 好在 好的 好了 多 没有问题 没关系 不用谢 不客气 没事 可以 还行 还好 行 挺 正常 及格 准确 清楚 方便 正好 刚好 合适 热 热的 温的 干脆 简单 顺利 解决 已解决 收到 谢 谢谢 多谢 感谢 辛苦 辛苦了'],
  [1.5, '还可以 还行 还不错 量多 很多 挺多 速度快 送餐快 送得快 挺快 准点 分量足够 快 快速 迅速 及时 便宜 实惠 干净 卫生 新鲜 热乎 热乎乎 热腾腾 丰富 足 量足 实在 放心 安心 耐心 礼貌 客气 专业 细心 认真 负责 好 准时 守时 清淡 精致 好看 漂亮 稳 靠谱 不慢 不贵 没问题 没毛病'],
  [2, '好评了 很满意 特别好吃 很好吃 挺好吃 满意的 赞赞 好棒 好评好评 还会再来 会回购 下次还点 还会光顾 继续支持 支持 喜欢吃 爱 好喜欢 必须好评 很贴心 好贴心 很热情 服务好 态度好 味道好 口感好 好吃 好喝 美味 可口 香 鲜 嫩 脆 酥 爽 爽口 入味 地道 正宗 划算 超值 值得 值 量大 分量足 份量足 满意 喜欢 爱吃 爱了 推荐 回购 再来 再点 还会点 会再点 热情 周到 贴心 暖心 用心 给力 不错 挺好 满足 开心 高兴 舒服 惊喜 感动 点赞 好评 五星 满分 物美价廉 性价比高 一如既往 不赖 没话说 无可挑剔'],
  [3, '棒 赞 很棒 超棒 完美 优秀 极好 绝了 一绝 好极了 太好了 超赞 好评如潮 非常满意 强烈推荐 鲜美 超好吃 巨好吃 好好吃 最好吃 神仙 宝藏 良心 必点 必吃 无敌'],
];

export const ZH_LEXICON: ReadonlyMap<string, number> = new Map(
  ENTRIES.flatMap(([v, words]) => words.split(/\s+/).map((w) => [w, v] as [string, number])),
);
/** Longest lexicon entry, in characters: the scanner tries this length first. */
export const ZH_MAX_WORD = Math.max(...[...ZH_LEXICON.keys()].map((w) => w.length));

/** Negators reach the next sentiment word of the clause: 不好吃, 没有想象中好, 并不满意, 别买. */
export const ZH_NEGATORS = ['并没有', '并不', '从来不', '从来没', '从不', '从没', '绝不', '毫不', '毫无', '没有', '不是', '不够', '不太', '不怎么', '不会', '不再', '一点也不', '一点都不', '不', '没', '别', '未', '无', '莫'];

/** Degree adverbs: multiply the next sentiment word (很, 非常, 太; 有点 and 稍微 soften it). */
export const ZH_DEGREE: ReadonlyMap<string, number> = new Map([
  ['非常', 1.8], ['特别', 1.7], ['十分', 1.7], ['极其', 2], ['超级', 1.8], ['相当', 1.5], ['格外', 1.6], ['尤其', 1.5],
  ['实在', 1.4], ['真的', 1.3], ['这么', 1.3], ['那么', 1.3], ['如此', 1.3], ['太', 1.6], ['超', 1.7], ['很', 1.4],
  ['挺', 1.2], ['蛮', 1.2], ['极', 1.8], ['最', 1.8], ['更', 1.3], ['巨', 1.7], ['贼', 1.6], ['真', 1.4], ['好', 1.4],
  ['比较', 0.9], ['还', 0.8], ['有点', 0.7], ['有点儿', 0.7], ['有些', 0.7], ['有一点', 0.6], ['稍微', 0.5], ['略', 0.5], ['略微', 0.5],
]);
export const ZH_DEGREE_MAX = 3;

/** A contrast word halves what came before it in the sentence and lifts what follows (as but/however in English). */
export const ZH_CONTRAST = ['但是', '可是', '不过', '然而', '只是', '但', '却'];
