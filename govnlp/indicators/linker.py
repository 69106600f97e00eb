"""Link quantities to the indicator they measure, inside one sentence.

Handles the shapes government reports use:

- level then growth, shared subject:   一般公共预算收入44.88亿元，同比增长9.2%
- growth only:                         规上工业增加值增长7.5%
- growth before level:                 地区生产总值增长6.5%，总量达366亿元
- 分别 lists:                          限上社零、限上销售额分别增长7%、18%
- 、 lists of counts:                  新增企业1家、省级中小企业17家
- ranks:                               增速位居全市第一 / 进出口总额位居全市第二，同比增长3.5%
- name after the number:               调派38名医务人员
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Optional

from .. import regions
from ..numbers import Quantity
from ..report import Change, Rank
from . import vocabulary

RESPECTIVELY = re.compile(r"分别|依次")
CLAUSE_SEP = re.compile(r"[，,；;：:\n]|(?<![\d.A-Za-z])[.．](?!\d)|[!?！？]")
LIST_SEP = "、"
#: the farthest (in characters) a name may start before its value
NAME_LOOKBACK = 120
#: What may stand between two figures of one list: 7.2% 、6.8% / 1.5和 0.9 / 8.1%7.6%.
LIST_GAP = re.compile(r"[\s、，,/／；;和与及或]*(?:以及)?[\s]*")
#: Between two figures of a list whose items have verbs of their own: 增长4.2%／下降1.6%.
LIST_GAP_VERB = re.compile(r"[\s、，,/／和与及或]*(?P<verb>增长|下降|提高|降低|增加|减少|上升|回落)[\s]*")
NAME_SPLIT = re.compile(r"、|和(?!谐|平)|及(?!时)|与|以及")  # not inside 和谐, 及时

_BASIS = (r"(?P<basis>同比|同口径|环比|比上年同期|比上年|比去年同期|比去年|较上年同期|较上年|较去年|比年初|较年初|"
          r"比(?:19|20)\d\d年|较(?:19|20)\d\d年|年均|平均每年|年平均|[两二三四五]年平均)")
CHANGE_CUE = re.compile(
    rf"{_BASIS}?(?:分别|依次|(?<!平)均|各)?(?:仅|只|仍|还|也)?(?:逆势|持续|稳步|大幅|快速|实际|名义|同口径)?"
    r"(?P<verb>增长|增加|提高|提升|上升|上涨|增速为|增速达|增速|增幅为|增幅达|增幅|涨幅为|涨幅|年增|(?<![新净年])增|涨|"
    r"下降|降低|减少|回落|下滑|下跌|缩减|缩小|缩短|压缩|压减|压降|削减|扩大|降|减)"
    r"(?:了)?(?:分别|依次|(?<!平)均|各)?(?:仅|只|仍)?(?:为|达|达到|保持在|稳定在|在)?\s*$")
NEGATIVE_VERBS = ("下降", "降低", "减少", "回落", "下滑", "下跌", "缩减", "缩小", "缩短", "压缩", "压减", "压降",
                  "削减", "降", "减")
#: A benchmark or target comparison (annotation 2.9): 高于全国0.6个百分点, 低于全省平均,
#: 比目标高1.2个百分点, 塌目标3.1个百分点, 分别高于省、市1.2和0.8个百分点. Not data.
COMPARISON = re.compile(
    r"(?:比|较)(?:全国|全省|全市|全区|全县|全州|省|市|国家|目标|计划|预期|年度目标|全年目标|序时进度)|"
    r"(?:高于|低于|超出|超过|快于|慢于|高出|领先|落后于?|塌|差|距)(?:全年|年度|年初)?(?:目标|预期|计划|序时进度)|"
    r"(?:高于|低于|快于|慢于|高出|领先|落后于?|超出|超过)(?:全国|全省|全市|全区|全县|全州|省|市|国家|同类|同期|平均)|"
    r"(?:全国|全省|全市|全区|全州)(?:平均|水平)|"
    # 高于潍坊市0.4个百分点, 增速比泉州市高0.9个百分点, 降幅比一季度收窄2.1个百分点, 超时序进度8.4个百分点
    r"(?:高于|低于|快于|慢于|高出)[\u4e00-\u9fff]{1,6}?(?:市|省|区|县|州|国|盟|旗)(?:平均)?(?:水平)?\s*$|"
    r"(?<![占同环])(?:比|较)(?!重|例|率|值|上年|去年|年初|同期|上月|上季|(?:19|20)\d\d)[\u4e00-\u9fff]{2,6}?(?:高|低|快|慢|收窄|扩大)\s*$|"
    r"超(?:出)?(?:时序|序时)进度|超(?:出)?(?:年度|全年)(?:计划|目标)|"
    r"(?:快于|慢于|高于|低于|高出)[\u4e00-\u9fff]{2,8}?\s*$")
RANK = re.compile(
    r"(?:位居|位列|居于|居|排名|排在|列|排|跻身)(?P<scope>[^，。；,、第首]{0,14}?)"
    r"(?:第(?P<pos>[一二三四五六七八九十\d]{1,3})(?:位|名)?|(?P<first>首位|榜首))(?!方阵|梯队|批|阵营|档|类|次)")
RANK_SCOPE_BEFORE = re.compile(r"在(?P<scope>[^，。；,在]{1,16}?)\d*(?:中|里|内)?$")

LEADING = re.compile(
    r"^(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[—\-–■●◆▲★☆□○·•（(）)\s]+|比上年年初预算|比年初预算|比上年同期|比上年|比去年同期|比去年|较上年|较去年|"
    r"同口径|按[^，。；]{0,8}?(?:口径|价格|价)(?:计算)?|扣除[^，。；]{1,14}?(?:因素)?后|剔除[^，。；]{1,14}?(?:因素)?后|"
    r"\d{1,2}[.、．]|[（(]\d{1,2}[）)]|用[\d一二三四五六七八九十两]{1,2}年(?:时间|左右时间)?|"
    r"其中|同时|此外|另外|并且|而且|以及|并|和|及|与|[近这过去]*[一二三四五六七八九十两\d]{1,2}年(?:来|间|中)?|"
    r"(?:城区|市区|县城|主城区|中心城区|全域)(?=新|改|建)|全国|全省|全市|全区|全县|全镇|全乡|全州|全盟|全旗|我国|我省|我市|我区|我县|本市|本区|本县|[省市县区]属|各类|各项|另有|"
    r"今年|去年|上年|全年|当年|当月|当季|年度(?!预算|目标|计划|任务)|年内|年末|年底|月末|月底|季末|期末|上半年|下半年|前三季度|(?:第)?[一二三四]季度|(?:19|20)\d\d年(?:底|末|度)?|"
    r"\d{1,2}[-—–～~]\d{1,2}月(?:份)?|\d{1,2}月(?:份|底|末)?|[^，。；]{1,4}以来|截至[^，]{0,8}?(?:底|末)|截至目前|目前|至此|一年来|半年来|"
    r"预计|力争|确保|争取|努力|计划(?!投资|总投资)|目标|预期|主要预期目标是|主要预期目标|主要目标|要|将|拟|"
    r"累计|共计|总计|合计|共|实现|完成|达到|达|为(?=年度|全年|年初|预算|计划|目标)|是|已|已经|还|再|又|也|都|均|继续|首次|历史性|再次|安排|"
    r"在|对(?!接|外|[\u4e00-\u9fff]{1,6}?(?:进出口|出口|进口|贸易|投资))|向|从|由|把|将|被|给|为了|到(?=(?:19|20)\d\d年)|"
    r"【[^】]{0,14}】|稳定(?=[\u4e00-\u9fff]{2,12}在$))+")
TRAILING = re.compile(
    r"(?:实现|完成|达到|达|为|是|共计|总计|合计|累计|共|分别|的|、|仅|只|仍|同比|增至|增长至|增长到|增加到|增加至|"
    r"提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降低到|降低至|降至|减少到|减少至|突破|超过|"
    r"升至|降到|升到|发展到|发展至|增加至|年均|平均每年|每人每月|每人每年|每月|每年|拟按|拟安排|安排|按|拟|再|又|还|"
    r"[比较](?:19|20)\d\d年|在[一二三四五六七八九十两\d]{1,2}年|"
    r"扩大到|扩大至|缩小到|缩小至|缩短到|缩短至|压缩到|压缩至|压减至|压减到|提至|增到|"
    r"稳定在|保持在|控制在|达到了|实现了|完成了|已达|达到|有|了|力争|确保|争取|努力|预计|平均|"
    r"将|(?<![主需重纲摘提])要|保持|首次|首度|再次|(?<=..)在|跨上|迈上|站上|跃上|登上|(?<=..[^高初集其])中|从(?:(?:19|20)\d\d年(?:底|末)?)?|\s)+$")
AFTER_STOP = re.compile(
    r"[，,。；;：:（(）)“\n!?！？]|(?<!\d)\.(?!\d)|减免|实现|完成|开工|建成|落户|驰援|奋战|参与|受益|覆盖|恢复(?!重建)|全面|顺利|成功|"
    r"竣工|通车|扫尾|挂牌|出让|达标|投产|开园|运营|落地|建设|推进|启动|增收|的基础上|"
    r"相继|先后|陆续|正在|已经|提供|开展|实施|实行|投入|发放|追回|增长|同比|全部|累计|共(?=计|有|[\d一二三四五六七八九十两百千])|"
    r"落实|逐户|逐一|接通|享受|兑现|签约|创建(?![\u4e00-\u9fff])|"
    # a figure stops the name, a code inside a word (4A级景区, 5G基站, PM2.5) does not
    r"分别|通过|新增|达到|(?<![A-Za-z\d.])\d(?![A-Za-z\d.]*[A-Za-z])")


def _alternation(kind: str) -> str:
    """A regex alternation of the words of one kind in data/name_verbs.tsv, longest first."""
    return "|".join(re.escape(w) for w in sorted(vocabulary.name_words(kind), key=len, reverse=True))


#: A name that ends like this is a verb phrase or an example list: the counted thing follows
#: the number (华天封测基地、久吾膜材料等11个亿元以上项目; 成功创建3个示范村; 城区增设1200个充电桩).
VERB_TAIL = re.compile(
    r"(?:等|的|新增|推动|围绕|建设|建成|创建|推进|盘活|升级|实施|启动|加快|发布|安装|打造|开展|新辟|优化|"
    r"引进|培育|落实|设立|改造|整治|提升|新建|完成|组织|举办|争取|储备|谋划|签约|开工|竣工|投用|"
    r"认定|评为|获批|获评|入选|涉及|办理|办结|解决|化解|收集|梳理|排查|走访|服务|帮助|扶持|支持|办好|办成|参与|"
    + _alternation("object") + ")$")


#: Action verbs in front of the counted thing are not part of its name (实施重大项目 -> 重大项目,
#: 发放消费券 -> 消费券, 改造农村危房 -> 农村危房); verbs that make a new thing and so say what
#: is counted stay (新建改造道路, 新建改扩建中小学: annotation 2.3). Object verbs name what the
#: number measures right after them (惠及群众 -> 群众, 投入创建经费 -> 创建经费). Both lists, the
#: adverbs that may precede them and the predicates that end a name live in data/name_verbs.tsv.
ACTION_HEAD = re.compile(rf"^(?:{_alternation('manner')})?(?:{_alternation('action')}){{1,2}}(?!区)(?=..)")
OBJECT_HEAD = re.compile(rf"^(?:{_alternation('manner')})?(?:{_alternation('object')})(?=..)")
OBJECT_INSIDE = re.compile(rf"(?:{_alternation('object')})(?=..)")
#: A predicate after a name of three characters or more: 物流及上下游配套企业入驻, 行政村改革工作,
#: …龙头企业称号 (重点工作 stays).
PREDICATE = re.compile(rf"(?<=...)(?:{_alternation('predicate')})(?![站室组队者量日])")


#: A later year that a level is set for: not the year of the growth rate before it.
LATER_YEAR = re.compile(r"(?:到|至)(?:19|20)\d\d年")


#: What is left after a verb that is only a measure word: the verb is a noun there (投入强度).
MEASURE_WORD = re.compile(r"(?:强度|比重|比例|占比|规模|总量|总额|增速|增幅|水平|效率|率|额|量)")


def _strip_verb_head(name: str) -> int:
    """How many leading characters of ``name`` are an action or object verb (with its adverb)."""
    m = OBJECT_HEAD.match(name)
    if m:
        return 0 if MEASURE_WORD.fullmatch(name, m.end()) else m.end()
    m = ACTION_HEAD.match(name)
    if m and len(name) - m.end() >= 3:  # 实施亿元以上重大项目 -> 亿元以上重大项目; 发放贷款 stays
        return m.end()
    return 0


#: Verbs before a money name (annotation 2.3: money never keeps a verb), with the adverbs that
#: may open them; a beneficiary after 为 (为市场主体减税降费…) is no part of the name either. A
#: making verb before 资金 names the fund (整治资金) and stays.
MONEY_HEAD = re.compile(  # used with .match(name, pos): no ^
    rf"(?:{_alternation('manner')})?(?:{'|'.join(sorted({re.escape(w) for k in ('money', 'action', 'object') for w in vocabulary.name_words(k)}, key=len, reverse=True))})+")
_WHOM = r"(?:市场主体|企业|个体工商户|群众|居民|农户|家庭|人员|学生|职工|农民工|老人|儿童|对象|户)"
BENEFICIARY = re.compile(rf"(?:为|向|给)[\u4e00-\u9fff]{{0,6}}?{_WHOM}(?:(?:和|及|、)[\u4e00-\u9fff]{{0,6}}?{_WHOM})*(?=..)")


#: A verb inside a money name with its subject before it: what follows is the money.
MONEY_INNER = re.compile(r"(?:完成|实现|获得|争取|带动|落实|兑现|发放|投入|下达|安排|拨付|筹集)(?:的)?")
#: Scope words that may follow a verb dropped from a name (发放各类救助资金).
SCOPE_WORDS = re.compile(r"(?:各类|各项|各种|一批|全部|所有)")
#: A fund named only by its kind: the verb before it is part of the term (到位资金, 整治资金).
GENERIC_MONEY = re.compile(r"(?:资金|经费|款项|费用|金额|款)")


def money_name(name: str) -> int:
    """How many leading characters of a money amount's name are a beneficiary or verbs to drop
    (获得中央预算内投资 -> 中央预算内投资; 为市场主体减税降费 -> 减税降费), leaving two or more."""
    k = 0
    for _ in range(3):
        m = BENEFICIARY.match(name, k) or MONEY_HEAD.match(name, k)
        if not m or len(name) - m.end() < 2 or MEASURE_WORD.fullmatch(name, m.end()) \
                or GENERIC_MONEY.fullmatch(name, m.end()):
            break
        k = m.end()
        lead = SCOPE_WORDS.match(name, k)
        if lead and len(name) - lead.end() >= 2:
            k = lead.end()
    inner = None
    for inner in MONEY_INNER.finditer(name, k + 1):
        pass
    if inner is not None and len(name) - inner.end() >= 2 and not GENERIC_MONEY.fullmatch(name, inner.end()) \
            and not MEASURE_WORD.fullmatch(name, inner.end()):
        k = inner.end()  # 金融机构发放普惠小微贷款 -> 普惠小微贷款; 国家下达的新增专项债券额度 -> 新增…
    return k


def _object_start(name: str) -> int:
    """Where the object of an object verb starts when the verb opens the name or follows a short
    beneficiary or place (向武汉供应医疗设备 -> 医疗设备 once 向 is gone), else 0."""
    m = OBJECT_HEAD.match(name)
    if m:
        return 0 if MEASURE_WORD.fullmatch(name, m.end()) else m.end()
    if vocabulary.canonical_id(name):
        return 0  # 研发经费投入强度: a known indicator, the verb is a noun in it
    starts = [m.end() for m in OBJECT_INSIDE.finditer(name, 1) if m.start() <= 6]
    return starts[-1] if starts else 0  # 扣押、冻结涉案资产 -> 涉案资产


#: What may follow 区/市/县/省 inside one word (区域, 市场, 县域, 省级): no region ends there.
_REGION_WORD_NEXT = "域划间位别块场民值城级内外属直"


@lru_cache(maxsize=8192)
def _places(text: str) -> tuple:
    """Places named in a name's first characters (names repeat: looked up once each)."""
    return tuple(regions.find_places(text))


def _leading_place(name: str) -> int:
    """The length of a full region name (县, 市, 区 ... of the division table) that opens ``name``
    and leaves a name of two characters or more, else 0."""
    if len(name) < 5:
        return 0
    hits = _places(name[:12])
    if not hits or hits[0][0] != 0:
        return 0
    end = hits[0][1]
    if end < 3 or name[end - 1] not in "省市县区州旗盟" or len(name) - end < 2 or name[end] in _REGION_WORD_NEXT:
        return 0
    return end


def _cut_predicate(name: str) -> str:
    """``name`` without a predicate that ends it (行政村改革工作 -> 行政村改革)."""
    m = PREDICATE.search(name)
    if m and m.group(0) == "入驻" and len(name) - m.end() >= 3:
        return name  # 梦工场新入驻港澳青年创业团队: what moved in follows (cut by _clause_verb_cut)
    return name[:m.start()] if m else name


#: The numeral that sums up a list of items before it: …、先进硬质材料三大产业集群.
COLLECTIVE = re.compile(r"[两二三四五六七八九十几多]+(?:大|个|类|项|条|家)")
#: Asides that end a name: 连续8年, 由上年下降2.1%转为, 在…基础上, 由2015年的, 五年, 总数.
NAME_ASIDE = re.compile(
    r"(?:已)?连续[\d一二三四五六七八九十两]+(?:年|个月|季度|周)$|由[^，。；]*?转为?$|在[^，。；]*?基础上$|"
    r"由(?:19|20)\d\d年(?:底|末)?(?:的)?$|(?<=..)(?:近|过去)?[一二三四五六七八九十两\d]{1,2}年(?:来|间|内)?$|"
    r"(?<=...)(?:开行|惠及)$|(?<=..)总数$|(?<=..)(?<!经济)总量$|(?<=..)(?:新增|净增)$|(?<=..)受[^，。；]{1,8}影响$|"
    # a time word or an adverb after the name starts the predicate: 续建项目尽快, 新型研发机构全年确保备案
    r"(?<=..)(?:上半年|下半年|全年|今年|年内|当年|目前|尽快|加快|有序|早日|全面|全部|基本(?!养老|医疗|医保|公共|农田|保险|药物|生活|住房|建设)|陆续|相继|先后|顺利|不断|统一)"
    r"[\u4e00-\u9fff]{0,4}$")
#: Verbs after which a name starts: a rule name running through one of them holds a clause
#: (moved here from the hybrid merge: a model-free rule belongs to the rules).
CLAUSE_VERBS = ("实现", "争取", "开行", "集聚", "完成", "达到", "引进", "引入", "带动", "吸引",
                "培育", "累计", "拥有", "获得", "取得", "开通", "建成")
#: The verbs the rules cut at themselves: what follows them is what was obtained or reached
#: (科技企业争取上级资金 -> 上级资金). After 引进/培育/带动 the verb belongs to a count's name
#: (引进培育高校毕业生), so those cuts are left to the model (measured on train/dev/test/holdout).
CUT_VERBS = ("争取", "获得", "取得", "拥有", "累计", "实现", "开行", "集聚", "入驻")
LONG_NAME = 9
#: Verbs that make a new thing: a name they open says what is counted (annotation 2.3).
MAKING_VERBS = ("新建", "新增", "新认定")
#: A name part that ends like this modifies the vocabulary name after it (信息技术服务业营业收入).
MODIFIER_END = ("技术", "信息", "和", "及", "与", "、", "类", "型", "性", "业", "级", "个", "等", "市", "省", "县", "区",
                "币", "占")  # 金融机构本外币|各项贷款余额


def _clause_verb_cut(name: str) -> int:
    """Where the real name starts when a long name (not in the vocabulary) holds a clause verb
    with a subject of its own before it (科技企业争取上级资金 -> 3+2), else 0."""
    if len(name) < LONG_NAME or vocabulary.canonical_id(name):
        return 0
    best = 0
    for v in CUT_VERBS:
        k = name.rfind(v)
        if k >= 2 and len(name) - (k + len(v)) >= 3 and name[k + len(v)] not in "区地":  # 集聚区
            best = max(best, k + len(v))
    return best
#: Names that are only a verb: the thing counted is written after the number (吸引110余家企业).
VERB_NAMES = re.compile(
    r"^(?:吸引|集聚|聚集|设立|实施|新建|改造|新建和改造|建设|建成|增设|开展|组织|启动|推进|加快推进|遴选|建立|落地|净增|"
    r"改扩建|新改建|扩建|改建|新建改扩建|"
    r"涵盖|惠及|帮助|引进|培育|打造|投入|发放|争取|落实|引导|完成|开工|新开工|签约|服务|走访|培训|举办|接入|推出|"
    r"排查|检测|救助|资助|帮扶|安置|解决|处置|办理|受理|接待|提供|引入|招引|储备|谋划|入选|获评|创成|认定|"
    r"调派|派出|选派|动员|招募|吸纳|带动|培训|转移|新认定|评选|表彰|关停|搬迁|整治|清理|上述|以上|这些|其余)+$")
#: Counts whose name may follow them even when a phrase stands before them (主城区7条背街小巷).
COUNTED = ("count", "household", "people", "length")
#: A phrase before a count that is a place, an example list, a scope or a batch, not the
#: counted thing: 主城区7条, 北沿江高铁、宁淮城际5个, 涉及我区16件, 推出第一批15项.
PLACE_OR_LIST = re.compile(r"、|(?:[区县市州村镇乡河湖站]|街道|社区|园区|新城|全区|我区|年度|批次|批)$")
#: A phrase after a count that says what happened, not what was counted (三所当年开园).
AFTER_NOT_NAME = re.compile(r"(?:上半年|下半年|全年|今年|年内|当年|目前|尽快|加快|有序|早日|全面|全部|基本|陆续|"
                            r"相继|先后|顺利|不断|均|都|已|正|将|被|分别|其中|以上|以下|左右|多|余)")
#: Verbs that state a growth rate take only rates; 增加/减少 take any unit (增加5家).
RATE_ONLY_VERBS = ("增长", "上涨", "增速", "增幅", "涨幅", "涨")
#: A change verb written before the name: 压减一般性财政支出10%以上.
LEAD_CHANGE = re.compile(r"^(?P<verb>压减|压降|削减|缩减|减少|降低|下降|提高|提升|增加|扩大)(?=.{2,})")
#: Places gained in a ranking: 排名中前进137位 (a change in 位).
RANK_GAIN = re.compile(r"(?:前进|上升|提升|跃升|前移)$")
#: 条/项 that number a policy package, not work done: 国务院33条, 12条援企措施.
POLICY_AFTER = re.compile(r"^\s*(?:[\u4e00-\u9fff]{0,5}(?:措施|举措|政策|意见|办法|规定|细则|条款)|以及)")
POLICY_BEFORE = re.compile(r"(?:国务院|政策新|升级版|新版|“)$")
#: A money threshold that defines a class: 一批20亿元以上龙头项目.
THRESHOLD_AFTER = re.compile(r"^(?:的)?(?:(?:龙头|重大|产业|工业|外资|内资|[\u4e00-\u9fff]{2})?(?:项目|企业|工程)|"
                             r"(?:固定资产|工业|产业|项目)投资|(?<=的)(?:村|镇|户|社区)|村|镇)")
PEOPLE_NOUN = re.compile(r"(?:人口|人员|群众|居民|农民|职工|劳动力|学生|患者|老人|儿童|农民工)$")
PROGRESS_NAME = re.compile(r"(?:为|完成|占|达到)(?:了)?(?:年度|全年|年)?(?:投资)?(?:预算|目标|计划|任务)(?:的)?\s*$")
RATIO_NAME = re.compile(r"(?:比|比值|系数|指数|倍数)$")
RATE_UNITS = ("%", "pp", "‰", "倍")
RANK_PLACES = re.compile(r"(?:前进|上升|提升|跃升|前移|后退|下降|前|后)$")
FOOTNOTE_IN_NAME = re.compile(
    r"(?<=[\u4e00-\u9fff”」』])\d{1,2}(?=[\u4e00-\u9fff])(?![年月日个家项件人次号期批亿万千百元条所座台户亩届])")
BRACKET_NOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|【\d{1,2}】")
#: A shared head written once for two items: 城乡居民人均可支配收入分别增长6.9%和8.4%.
SPLIT_HEADS3 = {"三次产业": ("第一产业", "第二产业", "第三产业"), "一二三产业": ("第一产业", "第二产业", "第三产业")}
SPLIT_HEADS = {"城乡居民": ("城镇居民", "农村居民"), "城乡低保": ("城市低保", "农村低保"),
               "城乡最低生活保障": ("城市最低生活保障", "农村最低生活保障"), "城乡": ("城镇", "农村"),
               "中小学": ("中学", "小学")}
SHARED_NAMES = {"", "增速", "增幅", "总量", "总额", "规模", "总数", "数量", "排名", "增速和总量", "总量和增速", "其中"}
DURATION_CATEGORIES = {"duration", "age"}
#: How many earlier records of a sentence a nameless number may look back over for its subject.
LOOK_BACK_DRAFTS = 12


@dataclass
class Draft:
    """An indicator being assembled from the quantities of one sentence."""

    name: str = ""
    name_span: Optional[tuple[int, int]] = None
    canonical: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    value_span: Optional[tuple[int, int]] = None
    change: Optional[Change] = None
    change_span: Optional[tuple[int, int]] = None
    change_qualifier: Optional[str] = None
    rank: Optional[Rank] = None
    anchor: int = 0  # offset of the first quantity, for kind and period
    progress: bool = False  # 为年度预算的105%: a share of a plan, never a shared subject
    category: Optional[str] = None
    quantities: list[Quantity] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.value is None and self.low is None and self.change is None


def _rank_position(text: str) -> Optional[int]:
    if text.isdigit():
        return int(text)
    nums = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
    if len(text) == 1:
        return nums.get(text)
    if text.startswith("十"):
        return 10 + nums.get(text[1:], 0)
    if len(text) == 2 and text[1] == "十":
        return nums.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return nums.get(text[0], 0) * 10 + nums.get(text[2], 0)
    return None


#: Examples before 等, then the counted thing (跑步共助力等群众性体育活动).
EXAMPLES_END = re.compile(r"(?<=..)等(?!级|次|同|于|待)(?=[\u4e00-\u9fff“]{2})")
#: A port, airport or channel before an indicator name is a place (北部湾港集装箱吞吐量).
PORT_PLACE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:港|机场|口岸|通道)(?=[\u4e00-\u9fff]{3})")


def clean_name(text: str, offset: int) -> tuple[str, Optional[tuple[int, int]]]:
    """Strip fillers (全区实现 … 完成) around a candidate name; returns (name, span)."""
    s, e = 0, len(text)
    for _ in range(4):
        m = LEADING.match(text, s, e)
        if m and m.end() > s and (e - m.end() != 1 or m.end() - s > 3):
            s = m.end()
        m = TRAILING.search(text[s:e])
        if m and m.start() < e - s:
            e = s + m.start()
        if not (LEADING.match(text, s, e) and LEADING.match(text, s, e).end() > s):
            break
    name = text[s:e].strip(" 　")
    for a, b in (("“", "”"), ('"', '"'), ("'", "'")):  # a quote that opens or closes nothing in the name
        if name.startswith(a) and b not in name[1:]:
            name = name[1:]
        if name.endswith(b) and a not in name[:-1]:
            name = name[:-1]
    if not name:
        return "", None
    # 粮食总产量连续8年稳定在 / 增加值由上年下降2.1%转为: drop the aside, keep the subject
    aside = NAME_ASIDE.search(name)
    if aside and aside.start() >= 2:
        name = name[:aside.start()]
        e = s + len(name)
    name = _cut_predicate(name)
    head = _strip_verb_head(name)
    if head:
        s, name = s + head, name[head:]
        lead = SCOPE_WORDS.match(name)  # 发放各类救助资金 -> 救助资金
        if lead and len(name) - lead.end() >= 2:
            s, name = s + lead.end(), name[lead.end():]
    if name[-1].isdigit():
        name = name.rstrip("0123456789")
        if not name:
            return "", None
    # strip quotes but keep offsets honest
    s = text.find(name, s)
    e = s + len(name)
    if len(name) > 10 and vocabulary.canonical_id(name) is None and name[-1] not in "均都":
        # 轨道交通装备、航空动力、先进硬质材料三大产业集群产值 -> the part after the list, from its
        # collective numeral; a list with one shared count keeps its items (国考、市考水质断面)
        last = max(name.rfind("、"), name.rfind("等"))
        group = COLLECTIVE.search(name, last + 1) if last >= 0 else None
        if group and group.start() < len(name) - 2:
            s, name = s + group.start(), name[group.start():]
    examples = EXAMPLES_END.search(name) if "等" in name else None
    if examples and not COLLECTIVE.match(name, examples.end()) and not vocabulary.canonical_id(name):
        # 跑步共助力等群众性体育活动 / 载体认定、绩效评价等扶持资金: examples, then the counted thing
        s, name = s + examples.end(), name[examples.end():]
    port = PORT_PLACE.match(name) if ("港" in name or "机场" in name or "口岸" in name or "通道" in name) else None
    if port and vocabulary.canonical_id(name[port.end():]) or (port and re.search(r"吞吐量|班列|货运量|客运量", name[port.end():])):
        s, name = s + port.end(), name[port.end():]  # 北部湾港集装箱吞吐量 -> 集装箱吞吐量 (a place, 2.3)
    if len(name) > 10:
        hits = [h for h in vocabulary.find_names(name) if h[1] == len(name)]
        if hits and hits[-1][0] >= 7 and not name[:hits[-1][0]].endswith(MODIFIER_END) and not name.startswith(("每", "人均")) \
                and not name.startswith(MAKING_VERBS):  # 新建和改造提升高标准农田 says what is counted
            # 我们交出亮眼成绩单地区生产总值 -> 地区生产总值; not 软件和信息技术|服务业营业收入
            s, name = s + hits[-1][0], name[hits[-1][0]:]
    clause = _clause_verb_cut(name)
    if clause:  # 科技企业争取上级资金 -> 上级资金: a clause ran into the name
        s, name = s + clause, name[clause:]
        head = _strip_verb_head(name)  # 低保对象累计发放城市低保金 -> 城市低保金
        if head:
            s, name = s + head, name[head:]
    if len(name) > 18 and "占" not in name:  # 战略性新兴产业增加值占规模以上工业增加值比重: one share
        hits = vocabulary.find_names(name)
        if hits:
            hs = hits[-1][0]
            s, name = s + hs, name[hs:]
        else:
            cut = max(name.rfind(c) for c in "的把将对在")
            if 0 <= cut < len(name) - 2:
                s, name = s + cut + 1, name[cut + 1:]
            if len(name) > 18:
                s, name = s + len(name) - 18, name[-18:]
    head = _object_start(name)  # 查封、扣押、冻结涉案资产 -> 涉案资产 (after the list cut)
    if head:
        s, name = s + head, name[head:]
    place = _leading_place(name)  # 南昌县幼儿园 -> 幼儿园 (annotation 2.3: no region in front)
    if place:
        s, name = s + place, name[place:]
    e = s + len(name)
    # a footnote marker glued inside a name (普惠性幼儿园9覆盖率) is not part of it
    return BRACKET_NOTE.sub("", FOOTNOTE_IN_NAME.sub("", name)), (offset + s, offset + e)


def _name_after(text: str, pos: int, limit: int) -> tuple[str, Optional[tuple[int, int]], int]:
    """The noun written right after a count: 38名医务人员 -> 医务人员.

    Returns (name, span, end): ``end`` is where the phrase after the number stops, past a
    predicate cut off the name (10个行政村改革工作 -> 行政村改革, end after 工作).
    """
    end = min(limit, pos + 24)
    pred = PREDICATE.search(text, pos + 3, end)
    cut = pred.start() if pred else end  # what happened to the thing is no part of it
    m = AFTER_STOP.search(text, pos, cut)
    while m and m.group(0) == "“" and "”" in text[m.end():cut]:
        # a quoted term inside the name: 25条道路路面“白改黑”工程
        m = AFTER_STOP.search(text, text.index("”", m.end(), cut) + 1, cut)
    stop = m.start() if m else cut
    frag = text[pos:stop]
    frag = re.sub(r"(?:、|及|和|与|以及|等)+$", "", frag)
    first = frag.find("、")
    if first > 2 and frag[first - 1] != frag[-1]:
        # 7条背街小巷整治提升、黄山岭路环境综合整治: the next item is other work; a short
        # modifier (27个国考、市考水质断面) or a shared head (工业企业、…流通企业) keeps the list
        frag = frag[:first]
    aside = NAME_ASIDE.search(frag)  # 62个续建项目尽快竣工 -> 续建项目
    if aside and aside.start() >= 2:
        frag = frag[:aside.start()]
    consumed = pred.end() if pred and stop == cut else pos + len(frag)
    if len(frag) < 2 or not re.match(r"[\u4e00-\u9fff“]|[A-Za-z\d.]*[A-Za-z]", frag):
        return "", None, pos
    return frag, (pos, pos + len(frag)), consumed


def _noun_in_unit(q: Quantity) -> int:
    """How many characters at the end of a count's unit are the counted noun's start
    (8所学校 -> 学校, 532个村庄… -> 村): the name after the count starts there."""
    unit, written = q.unit or "", q.unit_text or ""
    if unit and len(written) > len(unit) and written.startswith(unit) and written != "元人民币" \
            and q.raw.endswith(written):
        return len(written) - len(unit)
    return 0


class _Cue:
    """A change verb found outside :data:`CHANGE_CUE` (same interface as its match)."""

    def __init__(self, verb: str, start: int, basis: Optional[str] = None):
        self.verb, self._start, self.basis = verb, start, basis

    def group(self, name: str) -> Optional[str]:
        return self.verb if name == "verb" else self.basis

    def start(self, name: Optional[str] = None) -> int:
        return self._start


class SentenceLinker:
    """Builds :class:`Draft` records from the quantities of one sentence of ``text``."""

    def __init__(self, text: str, start: int, end: int, quantities: list[Quantity]):
        self.text = text
        self.start = start
        self.end = end
        self.quantities = quantities
        self.drafts: list[Draft] = []
        self.pending: Optional[Draft] = None  # a name (and rank) stated before its numbers
        self.last_list: list[Draft] = []  # the records of the latest 分别 list, for a clause that goes on with it

    # ---- public ---------------------------------------------------------
    def run(self) -> list[Draft]:
        starts = [q.num_start for q in self.quantities]
        for cs, ce in self._clauses():
            qs = self.quantities[bisect.bisect_left(starts, cs):bisect.bisect_left(starts, ce)]
            if RESPECTIVELY.search(self.text, cs, ce) and len(qs) >= 2:
                before = len(self.drafts)
                if self._respectively(cs, ce, qs):
                    self.last_list = [d for d in self.drafts[before:] if getattr(d, "_respectively", False)]
                    continue
            if self.last_list and self._goes_on_with_list(cs, ce, qs):
                continue
            self.last_list = []
            if not qs:
                self._no_quantity_clause(cs, ce)
                continue
            before = len(self.drafts)
            q_starts = [q.num_start for q in qs]
            for gs, ge in self._groups(cs, ce, qs):
                self._clause(gs, ge, qs[bisect.bisect_left(q_starts, gs):bisect.bisect_left(q_starts, ge)])
            if len(self.drafts) == before:  # every number was set aside (a code, a background fact)
                self._no_quantity_clause(cs, ce)
            self._attach_rank(cs, ce)
        return [d for d in self.drafts if not d.empty]

    # ---- segmentation ---------------------------------------------------
    def _clauses(self) -> list[tuple[int, int]]:
        out, s = [], self.start
        for m in CLAUSE_SEP.finditer(self.text, self.start, self.end):
            # a colon inside a number (11.8:48.3) is not a clause boundary
            if m.group(0) in ":：" and m.start() > 0 and self.text[m.start() - 1].isdigit() \
                    and m.end() < len(self.text) and self.text[m.end()].isdigit():
                continue
            if m.group(0) == "," and m.start() > 0 and self.text[m.start() - 1].isdigit() \
                    and self.text[m.end():m.end() + 1].isdigit():
                continue
            if m.group(0) in "，,；;" and self.text[m.end():m.end() + 1].isdigit() \
                    and RESPECTIVELY.search(self.text, s, m.start()) \
                    and re.search(r"[\d%](?:个百分点|%|元|人|个|家|亿元|万元)?$", self.text[s:m.start()]):
                continue  # 分别增长3.2%，5.9%和5.4%: a comma inside a 分别 list of figures
            out.append((s, m.start()))
            s = m.end()
        out.append((s, self.end))
        return [(a, b) for a, b in out if b > a]

    def _groups(self, cs: int, ce: int, qs: list[Quantity]) -> list[tuple[int, int]]:
        """Split a clause at 、 where each part carries its own number (口罩74万只、消毒液1万余瓶)."""
        cuts = [m.start() for m in re.finditer(LIST_SEP, self.text[cs:ce])]
        if not cuts:
            return [(cs, ce)]
        out, s = [], cs
        starts = [q.num_start for q in qs]
        for c in cuts:
            pos = cs + c
            k = bisect.bisect_left(starts, pos)  # qs[k-1] is the last number before the 、
            has_number = k > 0 and qs[k - 1].num_start >= s
            inside = any(q.start <= pos < q.end for q in qs[max(0, k - 2):k + 1])
            # the part after the 、 has a number of its own (27个国考、市考水质断面 is one item)
            nxt_sep = self.text.find(LIST_SEP, pos + 1, ce)
            own = k < len(qs) and qs[k].num_start < (nxt_sep if nxt_sep >= 0 else ce)
            if has_number and not inside and own:
                out.append((s, pos))
                s = pos + 1
        out.append((s, ce))
        return out

    # ---- clause shapes --------------------------------------------------
    def _clause(self, cs: int, ce: int, qs: list[Quantity]) -> None:
        current: Optional[Draft] = None
        cursor = cs
        for i, q in enumerate(qs):
            # bounded look-back: a name is never further than NAME_LOOKBACK before its value, so a
            # long clause of bare numbers (which keep the cursor) costs linear, not quadratic, time
            cursor = max(cursor, q.start - NAME_LOOKBACK)
            prefix = self.text[cursor:q.start]
            if COMPARISON.search(self.text[max(cs, q.start - 12):q.start]):
                cursor = q.end
                continue
            cue = CHANGE_CUE.search(prefix)
            if cue and q.unit not in RATE_UNITS and cue.group("verb").startswith(RATE_ONLY_VERBS):
                cue = None
            if q.unit == "人" and q.unit_text in ("名", "位") and RANK_PLACES.search(prefix):
                gain = RANK_GAIN.search(prefix)
                if gain:  # 排名中前进137位: a change of rank places
                    name, span = clean_name(re.sub(r"中$", "", prefix[:gain.start()]), cursor)
                    d = self._new(name, span, q)
                    self._set_change(d, q, _Cue(gain.group(0), gain.start()), cursor, unit="位")
                    current = d
                cursor = q.end
                continue
            if self._not_a_measure(q, prefix):
                if not self._threshold(q):  # a class threshold stays in the next name (超10亿元项目)
                    cursor = q.end
                continue
            name_text = prefix[:cue.start()] if cue else prefix
            name, span = clean_name(name_text, cursor)
            if q.category == "currency" and name and span:
                cut = money_name(name)
                if cut:
                    name, span = name[cut:], (span[0] + cut, span[1])
            total = name in ("总量", "总数", "总额", "总规模") or (not name and bool(re.search(r"累计(?:达到|达|为)?\s*$", prefix)))
            if q.category == "count" and len(name) >= 5 and name.endswith("数量") and span:
                name, span = name[:-2], (span[0], span[1] - 2)  # 高新技术企业数量达1.2万家, as 总数
            if name in SHARED_NAMES:
                name, span = "", None
            if q.category == "bare" and not (name and RATIO_NAME.search(name)):
                continue  # a footnote digit or a code: the name before it still counts
            if q.category == "doubling":  # 总量翻一番: a growth of 100%
                if re.match(r"(?:的)?基础上|的基础", self.text[q.end:q.end + 4]):
                    continue  # 在三年翻一番基础上: background, not a result
                cue = _Cue("翻番", q.start - cursor)
            if q.unit == "倍" and not cue:
                cursor = q.end
                continue  # 是上年的2倍: a ratio without a change verb is not coded
            lead = LEAD_CHANGE.match(name) if (not cue and name and q.unit in RATE_UNITS) else None
            if lead:  # 压减一般性财政支出10%以上
                cue = _Cue(lead.group("verb"), span[0] - cursor)
                name, span = name[lead.end():], (span[0] + lead.end(), span[1])
            if q.category in DURATION_CATEGORIES and (
                    re.search(r"连续$|已连续$|用$|历时$", prefix)
                    or (not self._canonical(name) and not cue
                        and not (name and re.search(r"时间|时限|天数|用时|周期|时长", name)))):
                continue  # 连续8年 / 用3年时间: the clause's name still belongs to what follows
            if self.text.startswith(("转为", "转"), q.end) and re.search(r"由", prefix):
                continue  # 由上年下降2.1%转为增长3.5%: only the new rate counts
            if q.unit == "毫米" or self._restatement(q, name, prefix):
                cursor = q.end
                continue
            after_used = False
            if not name and not cue and q.unit in ("%", "‰") and self.text.startswith("的", q.end):
                # 80%以上的村集体经营性收入超过120万元: the share's name follows it
                stop = re.compile(r"[，,。；;\n]").search(self.text, q.end, ce)
                end = stop.start() if stop else ce
                name, span = self.text[q.end + 1:end], (q.end + 1, end)
                d = self._new(name, span, q)
                self._set_value(d, q)
                current = d
                cursor = end
                continue
            list_before = prefix.rstrip().endswith(("、", "和", "及", "以及", "的"))  # 年初确定的十件民生实事
            if ((not name or VERB_NAMES.match(name) or VERB_TAIL.search(name) or list_before)
                    and not cue and q.category != "currency") and q.category not in ("percent", "pp", "permille"):
                nxt = qs[i + 1].start if i + 1 < len(qs) else ce
                after_name, after_span, after_end = _name_after(self.text, q.end - _noun_in_unit(q), nxt)
                head = _strip_verb_head(after_name) if after_name else 0
                if head and len(after_name) - head >= 2:  # 3人获评市级最美医务工作者
                    after_name, after_span = after_name[head:], (after_span[0] + head, after_span[1])
                if after_name:
                    name, span, after_used = after_name, after_span, True
                    if q.unit is None and PEOPLE_NOUN.search(after_name):
                        q.unit, q.category = "人", "people"  # 23.6万农村贫困人口
            elif name and not cue and q.category in COUNTED and PLACE_OR_LIST.search(name) \
                    and not self._canonical(name):
                # 完成主城区7条背街小巷整治提升 / 北沿江高铁、宁淮城际5个先行段: a place or an
                # example before a count, the counted thing right after it
                nxt = qs[i + 1].start if i + 1 < len(qs) else ce
                after_name, after_span, after_end = _name_after(self.text, q.end - _noun_in_unit(q), nxt)
                if after_name and self._ends_phrase(after_end, nxt, ce) and not AFTER_NOT_NAME.match(after_name):
                    name, span, after_used = after_name, after_span, True
            if not after_used and name.endswith("等") and len(name) > 3 and not cue:
                name, span = name[:-1], (span[0], span[1] - 1) if span else span  # 大学生就业、…就业等1.66万人次
            progress = PROGRESS_NAME.search(prefix) if not cue and q.category == "percent" else None
            if progress and (not name or progress.group(0).startswith(("完成", "占"))
                             and progress.group(0).rstrip("的 ").endswith(name)):
                # 完成全年目标的59%: the share of the plan is named by its own phrase (annotation 2.3)
                phrase = progress.group(0).rstrip("的 \u3000")
                if phrase.startswith("为"):
                    phrase = phrase[1:]
                start = cursor + progress.start() + progress.group(0).index(phrase)
                name, span = phrase, (start, start + len(phrase))
            if not cue and name and re.search(r"[、和](?=[^、和]+[均都各]$)", name) and re.search(r"[均都各]$", name):
                # 受理率、按期办结率均100%: one value for each name
                self._each(name, span, q)
                cursor = q.end
                continue
            if cue:
                target = current
                if target is None and not name:
                    target = self._shared_subject(for_change=True)
                if target is not None and target.change is None and target.low is None and not name:
                    self._set_change(target, q, cue, cursor)
                    current = target
                else:
                    d = self._new(name, span, q)
                    if not name:
                        self._inherit(d)
                    self._set_change(d, q, cue, cursor)
                    current = d
            else:
                target = current
                if target is None and not name:
                    target = self._shared_subject(for_change=False)
                if (target is not None and not name and target.value is None and target.low is None
                        and target.change is not None and _compatible(target, q)
                        and not LATER_YEAR.search(prefix)):  # 年均增长6.5%，到2026年突破七千亿元: two facts
                    self._set_value(target, q)
                    current = target
                else:
                    d = self._new(name, span, q)
                    if not name:
                        self._inherit(d, total)
                    self._set_value(d, q)
                    d.progress = bool(PROGRESS_NAME.search(prefix))
                    current = d
            cursor = max(span[1], after_end) if after_used and span else q.end

    def _ends_phrase(self, pos: int, nxt: int, ce: int) -> bool:
        """Whether the phrase after a count stops at ``pos`` at a clause end or a verb, not at the
        next figure (签约项目53个总投资120亿元: 总投资 names the next number; a line re-joined
        without its punctuation reads the same)."""
        rest = self.text[pos:nxt].strip()
        if not rest:
            return nxt >= ce
        return not re.match(r"[\d０-９]", rest)

    def _not_a_measure(self, q: Quantity, prefix: str) -> bool:
        """Policy packages (国务院33条), class thresholds (20亿元以上龙头项目), codes (9台23线)."""
        after = self.text[q.end:q.end + 12]
        if q.unit_text in ("台", "线") and re.match(r"\s?\d", after):
            return True
        if q.unit == "年" and re.match(r"[来间内中]|最|以来", after) and re.search(r"近|过去|这", self.text[q.start:q.num_start] + prefix[-2:]):
            return True  # 为近十年最好 / 近10年来: a span of time, not a figure
        if after[:1] == "字" or (q.unit_text == "次" and re.search(r"[”」\"]\s*(?:一词|这个词|等词)?(?:共|先后|累计)?出现$", prefix)):
            return True  # a news summary counting the report's own words: 全文约1.4万字, "项目"出现41次
        if q.unit_text == "条" and (POLICY_AFTER.match(after) or POLICY_BEFORE.search(prefix)):
            return True
        return self._threshold(q)

    def _threshold(self, q: Quantity) -> bool:
        """A money threshold that defines the class counted next: 20亿元以上龙头项目, 超10亿元项目."""
        after = self.text[q.end:q.end + 12]
        return q.category == "currency" and q.qualifier in ("at_least", "more_than") \
            and bool(THRESHOLD_AFTER.match(after))

    def _restatement(self, q: Quantity, name: str, prefix: str) -> bool:
        """首次突破千亿元 after 1003.1亿元: a threshold restating a level already given."""
        if name or q.qualifier not in ("at_least", "more_than") or not self.drafts:
            return False
        last = self.drafts[-1]
        return (last.value is not None and last.unit == q.unit and q.value is not None
                and last.value >= q.value and not CHANGE_CUE.search(prefix))

    def _each(self, name: str, span, q: Quantity) -> None:
        """受理率、按期办结率均100% / 新建城市书房和口袋公园各10处: one value for each item; a
        making verb written once before the first item opens every item's name."""
        base = span[0] if span else q.start
        text = name[:-1]
        pos = 0
        verb = ""
        for j, part in enumerate(NAME_SPLIT.split(text)):
            k = text.find(part, pos)
            pos = k + len(part)
            nm, sp = clean_name(part, base + k)
            if j == 0:
                verb = next((v for v in sorted(vocabulary.name_words("making"), key=len, reverse=True)
                             if nm.startswith(v) and len(nm) - len(v) >= 2), "")
            elif verb and not nm.startswith(verb):
                nm = verb + nm
            if nm:
                d = self._new(nm, sp, q)
                self._set_value(d, q)

    def _respectively(self, cs: int, ce: int, qs: list[Quantity]) -> bool:
        """限上社零、限上销售额分别增长7%、18% -> two indicators."""
        k = RESPECTIVELY.search(self.text, cs, ce).start()
        before = [q for q in qs if q.num_start < k]
        after = [q for q in qs if q.num_start > k]
        # the list ends where words come between two figures (a line re-joined after it:
        # 分别增长4.8%和6.3%一般公共预算支出…): what follows is linked as a clause of its own
        n = 1
        while n < len(after) and (LIST_GAP.fullmatch(self.text, after[n - 1].end, after[n].start)
                                  or LIST_GAP_VERB.fullmatch(self.text, after[n - 1].end, after[n].start)):
            n += 1
        after, rest = after[:n], after[n:]
        if before and len(after) >= 2 and re.match(r"[\u4e00-\u9fff“]", self.text[before[-1].end:k]):
            # 同比增长9.6%金融业、商务服务业增加值分别增长6.8%、5.2%: a line re-joined without its
            # punctuation; the figures before the list's names make a clause of their own
            split = before[-1].end
            self._clause(cs, split, before)
            tail = [q for q in qs if q.num_start >= split]
            if not self._respectively(split, ce, tail):
                self._clause(split, ce, tail)
            return True
        if before or len(after) < 2:
            return False
        if rest:
            done = self._respectively(cs, after[-1].end, after)
            if done:
                self._clause(after[-1].end, ce, rest)
            return done
        if COMPARISON.search(self.text, max(cs, k - 12), after[0].start):
            return True  # 分别高于省、市1.2和0.8个百分点: a comparison, not data (annotation 2.9)
        _share_unit(self.text, after)
        head = self.text[cs:k]
        if re.fullmatch(rf"\s*(?:{_BASIS}|[，,\s])*\s*", head):
            cs, head = k, ""  # 比年初分别增加196亿元、173亿元: a basis, no names; the changes of the list before
        cue = CHANGE_CUE.search(RESPECTIVELY.sub("", self.text[k:after[0].start]))
        verb_text = self.text[k:after[0].start]
        names = _list_names(head, cs, len(after))
        if len(names) == 1 and len(after) == 3:
            nm0, sp0 = names[0]
            three = next((parts for h, parts in SPLIT_HEADS3.items() if nm0.startswith(h)), None)
            if three:  # 三次产业增加值分别增长… -> 第一/第二/第三产业增加值
                rest = nm0[next(len(h) for h in SPLIT_HEADS3 if nm0.startswith(h)):]
                names = [(x + rest, sp0) for x in three]
        if len(names) == 1 and len(after) == 2:
            names = _split_head(*names[0]) or names
        elif len(names) == 2 and len(after) == 2:
            names = _share_tail(names)
        if not names:
            # 分别增长13.5%和12.9% with the names in the clauses before it
            semi = max(self.text.rfind("；", max(self.start, cs - 200), cs), self.text.rfind(";", max(self.start, cs - 200), cs))
            floor = semi + 1 if semi >= 0 else self.start
            prev = [d for d in self.drafts[-LOOK_BACK_DRAFTS:]
                    if d.change is None and d.low is None and d.anchor >= floor][-len(after):]
            if cue and len(prev) == len(after) and all(d.value is not None for d in prev):
                for d, q in zip(prev, after):
                    self._set_change(d, q, cue, q.start, cue_text=verb_text)
                return True
            # 城乡居民人均可支配收入与经济增长基本同步，分别增长6%和7%: the shared head is named
            # in the clause before
            names = self._named_before(cs, len(after))
            if not names:
                return False
        if len(names) != len(after):
            return False
        names = _share_measure_tail(names)
        prev_end = None
        for (nm, sp), q in zip(names, after):
            d = self._new(nm, sp, q)
            d._respectively = True  # type: ignore[attr-defined]
            own = LIST_GAP_VERB.fullmatch(self.text, prev_end, q.start) if prev_end is not None else None
            prev_end = q.end
            if own and own.group("verb") and cue:  # 分别增长4.2%／下降1.6%: the item's own verb
                self._set_change(d, q, _Cue(own.group("verb"), 0), q.start, cue_text=own.group("verb"))
            elif cue:
                self._set_change(d, q, cue, q.start, cue_text=verb_text)
            else:
                self._set_value(d, q)
        self._attach_rank(cs, ce)
        return True

    def _goes_on_with_list(self, cs: int, ce: int, qs: list[Quantity]) -> bool:
        """A clause of bare figures right after a 分别 list goes on with it, item by item:
        …分别达到55306元、23587元，增长4.6%、6.9% / …分别增长4.2%、7.5%，达到7.8万吨和68.5亿元."""
        items = self.last_list
        if len(qs) != len(items) or len(qs) < 2:
            return False
        head = self.text[cs:qs[0].start]
        if not re.fullmatch(rf"\s*(?:{_BASIS})?\s*(?:分别|依次|均)?\s*(?:(?:增长|增加|提高|提升|上升|下降|减少|降低|回落)|"
                            r"(?:达到|达|为|分别为|实现|完成|突破|超过))?\s*(?:分别)?\s*", head):
            return False
        if any(not (LIST_GAP.fullmatch(self.text, a.end, b.start) or LIST_GAP_VERB.fullmatch(self.text, a.end, b.start))
               for a, b in zip(qs, qs[1:])):
            return False
        if self.text[qs[-1].end:ce].strip(" 。.；;"):
            return False
        cue = CHANGE_CUE.search(RESPECTIVELY.sub("", head)) if head.strip() else None
        rate = all(q.unit in RATE_UNITS for q in qs)
        for d, q in zip(items, qs):
            if cue or (rate and d.value is not None and d.change is None):
                if d.change is not None:
                    return False
            elif d.value is not None or d.low is not None or not _compatible(d, q):
                return False
        for j, (d, q) in enumerate(zip(items, qs)):
            own = LIST_GAP_VERB.fullmatch(self.text, qs[j - 1].end, q.start) if j else None
            if own and cue:
                self._set_change(d, q, _Cue(own.group("verb"), 0), q.start, cue_text=own.group("verb"))
            elif cue:
                self._set_change(d, q, cue, q.start, cue_text=head)
            elif rate and d.value is not None and d.change is None:
                self._set_change(d, q, _Cue("增长", 0), q.start, cue_text=head)
            else:
                self._set_value(d, q)
        self.last_list = []
        return True

    def _named_before(self, cs: int, k: int) -> list:
        """Names for a k-item list from a vocabulary name in the text just before the clause
        (城乡居民人均可支配收入… -> 城镇居民…, 农村居民…); [] when there is none to split."""
        lo = max(self.start, cs - 40)
        if k != 2:
            return []
        for a, b, _ in reversed(vocabulary.find_names(self.text[lo:cs])):
            split = _split_head(self.text[lo + a:lo + b], (lo + a, lo + b))
            if split:
                return split
        m = re.search("|".join(SPLIT_HEADS) + r"[\u4e00-\u9fff]{2,12}?(?:收入|支出|产值|增加值|人口|消费)", self.text[lo:cs])
        if m:
            return _split_head(m.group(0), (lo + m.start(), lo + m.end())) or []
        return []

    def _no_quantity_clause(self, cs: int, ce: int) -> None:
        """A clause with a name (and maybe a rank) but no number: 进出口总额位居全市第二."""
        text = self.text[cs:ce]
        rank_m = RANK.search(text)
        head = text[:rank_m.start()] if rank_m else text
        name, span = clean_name(head, cs)
        rank = self._rank(cs, ce) if rank_m else None
        if rank is not None and re.search(r"[均都]$", head) and self.drafts:
            if getattr(self.drafts[-1], "_respectively", False):
                k = len(self.drafts) - 1
                while k > 0 and getattr(self.drafts[k - 1], "_respectively", False):
                    k -= 1
                for d in self.drafts[k:]:
                    d.rank = d.rank or rank
                return
            head = head[:-1]
            name, span = clean_name(head, cs)
        scope_only = head.strip().startswith("在") or not self._canonical(name)
        if rank is not None and (name in SHARED_NAMES or scope_only) and self.drafts:
            last = self.drafts[-1]
            if last.rank is None:
                last.rank = rank
            return
        if rank is not None and name and self.drafts and self.drafts[-1].name == name and self.drafts[-1].rank is None:
            self.drafts[-1].rank = rank
            return
        whole_line = (ce >= len(self.text) or self.text[ce] == "\n") and (cs == 0 or self.text[cs - 1] == "\n")
        if name and (rank is not None or vocabulary.canonical_id(name) or (whole_line and len(name) <= 14)) \
                and len(name) <= 18:
            d = Draft(name=name, name_span=span, canonical=self._canonical(name), rank=rank)
            self.pending = d
        elif name:
            self.pending = None

    # ---- helpers --------------------------------------------------------
    def _canonical(self, name: str) -> Optional[str]:
        return vocabulary.canonical_id(name) if name else None

    def _new(self, name: str, span, q: Quantity) -> Draft:
        pend = self.pending
        if pend is not None and name and (VERB_NAMES.match(name) or name in ("净增", "新增", "总数")):
            name = ""  # 规上工业企业 / 净增58家: the verb line continues the name line above
        if not name and pend is not None:
            d = pend
            self.pending = None
        else:
            if name:
                self.pending = None
            d = Draft(name=name, name_span=span, canonical=self._canonical(name))
        d.anchor = q.start
        self.drafts.append(d)
        return d

    def _inherit(self, d: Draft, total: bool = False) -> None:
        """A nameless number in a clause list shares the subject of the clause before it.

        ``total``: the clause said 总量/总数 (新增市场主体12.6万户，总量达到98.3万户): the
        stock is 市场主体, not its increment.
        """
        if d.name:
            return
        for prev in reversed(self.drafts[-LOOK_BACK_DRAFTS:-1]):
            if prev.name:
                d.name, d.name_span, d.canonical = prev.name, prev.name_span, prev.canonical
                flow = re.match(r"^(?:新增|净增|新登记|新设|新认定|新建)(?=..)", d.name) if total else None
                if flow:
                    d.name = d.name[flow.end():]
                    d.name_span = (d.name_span[0] + flow.end(), d.name_span[1]) if d.name_span else None
                    d.canonical = vocabulary.canonical_id(d.name)
                return

    def _shared_subject(self, for_change: bool) -> Optional[Draft]:
        if self.pending is not None:
            d = self.pending
            self.pending = None
            self.drafts.append(d)
            return d
        last = next((d for d in reversed(self.drafts[-LOOK_BACK_DRAFTS:]) if not d.progress), None)
        if last is None:
            return None
        if for_change and last.change is None and last.low is None and last.value is not None:
            return last
        if not for_change and last.value is None and last.low is None and last.change is not None:
            return last
        return None

    def _set_value(self, d: Draft, q: Quantity) -> None:
        if q.is_range:
            d.low, d.high = q.low, q.high
        else:
            d.value = q.value
        d.unit = q.unit
        d.category = q.category
        d.qualifier = q.qualifier or d.qualifier
        d.value_span = (q.start, q.end)
        d.quantities.append(q)
        if not d.anchor:
            d.anchor = q.start

    def _set_change(self, d: Draft, q: Quantity, cue, cursor: int, cue_text: Optional[str] = None,
                    unit: Optional[str] = None) -> None:
        if q.is_range:
            # a growth range (增长6%-6.5%) has no single change value: keep it as the range
            if d.value is None and d.low is None:
                self._set_value(d, q)
                d.change_span = (q.num_start, q.num_end)
            return
        verb = cue.group("verb")
        sign = -1.0 if verb.startswith(NEGATIVE_VERBS) else 1.0
        basis_text = cue.group("basis") or ""
        if basis_text in ("同比", "同口径") or basis_text.startswith(("比上年", "比去年", "较上年", "较去年", "比19", "比20", "较19", "较20")):
            basis = "yoy"
        elif basis_text in ("环比", "比年初", "较年初"):
            basis = "prev_period"
        elif basis_text in ("年均", "平均每年", "年平均") or basis_text.endswith("年平均"):
            basis = "annual_avg"
        else:
            basis = None
        if cue_text is None:
            cstart = cursor + cue.start("verb")
            text = self.text[cstart:q.num_end]
        else:
            cstart = q.num_start
            text = verb + self.text[q.num_start:q.num_end]
        value, unit = q.value, unit or q.unit or ""
        if unit == "倍":  # 增长1.5倍 -> +150%
            value, unit = value * 100.0, "%"
        d.change = Change(value=float(f"{sign * value:.12g}"), unit=unit, basis=basis, text=text)
        d.change_span = (cstart, q.num_end)
        d.change_qualifier = q.qualifier
        if d.value is None and d.low is None:
            d.qualifier = q.qualifier
        d.quantities.append(q)
        if not d.anchor:
            d.anchor = q.start

    def _rank(self, cs: int, ce: int) -> Optional[Rank]:
        m = RANK.search(self.text, cs, ce)
        if not m:
            return None
        pos = 1 if m.group("first") else _rank_position(m.group("pos"))
        if pos is None:
            return None
        scope = (m.group("scope") or "").strip()
        scope = re.sub(r"^(?:于|在)", "", scope)
        if not scope:
            b = RANK_SCOPE_BEFORE.search(self.text, cs, m.start())
            if b:
                scope = b.group("scope")
        scope = re.sub(r"\d+$", "", scope)
        return Rank(scope=scope, position=pos, text=self.text[m.start():m.end()])

    def _attach_rank(self, cs: int, ce: int) -> None:
        rank = self._rank(cs, ce)
        if rank is None:
            return
        pos = self.text.find(rank.text, cs, ce)
        for d in reversed(self.drafts):
            if d.anchor < pos + cs or d.anchor < ce:
                if d.rank is None:
                    d.rank = rank
                return


HEAD_NOUN = re.compile(r"(?:产值|收入|增加值|总额|投资|额|量|率|数|规模|支出|利润)$")


def _split_head(name: str, span) -> Optional[list]:
    """城乡居民人均可支配收入 -> 城镇居民人均可支配收入, 农村居民人均可支配收入 (same span)."""
    for head, (a, b) in SPLIT_HEADS.items():
        if name.startswith(head):
            rest = name[len(head):]
            return [(a + rest, span), (b + rest, span)]
    return None


NUMERAL = "一二三四五六七八九十两"


def _share_tail(names: list) -> list:
    """Two list items that share words (a 分别 list): 城镇和农村居民人均可支配收入 -> the first item
    borrows the second one's head (金融业、商务服务业增加值 -> 金融业增加值: the head after the word
    both items end alike); the second borrows the first one's start where both items run parallel
    (本外币存款、贷款余额 -> 本外币贷款余额; 城乡居民基本养老保险和基本医疗保险参保率 ->
    城乡居民基本医疗保险参保率); 第二、三产业增加值 -> 第二产业增加值, 第三产业增加值;
    白茶产量和产值 -> 白茶产值."""
    (n1, s1), (n2, s2) = names
    span = (s1[0], s2[1]) if s1 and s2 else s1
    group = COLLECTIVE.search(n2)
    if group and group.group(0)[0] in "两二" and group.start() >= 2 and group.end() < len(n2) - 1:
        tail = n2[group.end():]  # 汽车、新能源两大产业集群产值: both items before 两大 take what follows it
        return [(n1 + tail, span), (n2[:group.start()] + tail, span)]
    if n1[-1] in NUMERAL and n2[0] in NUMERAL and len(n1) >= 2 and len(n2) >= 3:
        return [(n1 + n2[1:], span), (n1[:-1] + n2, span)]
    if len(n2) >= 3 and n1[-1] + n2[0] in vocabulary.name_words("pair"):
        # 本外币存、贷款余额 -> 本外币存款余额, 本外币贷款余额; 全年进、出口总额 -> 进口总额, 出口总额
        return [(clean_name(n1 + n2[1:], 0)[0], span), (clean_name(n1[:-1] + n2, 0)[0], span)]
    if len(n2) == 2 and len(n1) >= 4 and n1[-2] == n2[0] and n1[-1] != n2[1] \
            and HEAD_NOUN.search(n1) and HEAD_NOUN.search(n2):
        return [(n1, s1), (n1[:-2] + n2, s2)]
    pair_heads = ("收入", "支出", "产量", "产值", "利润", "税收", "营收", "余额", "总额", "规模", "人数", "户数")
    if n2 in pair_heads and n1.endswith(pair_heads) and len(n1) >= 4 and n1[-2:] != n2:
        return [(n1, s1), (n1[:-2] + n2, s2)]  # 一般公共预算收入和支出 -> 一般公共预算支出
    k = n1.rfind(n2[:2]) if 3 <= len(n2) <= 8 else -1
    if k >= 2 and k + 2 < len(n1) and HEAD_NOUN.search(n1) and HEAD_NOUN.search(n2) and n1[k:] != n2:
        return [(n1, s1), (n1[:k] + n2, s2)]  # 蔬菜及制品出口量和出口额 -> …出口额
    cut = n2.rfind(n1[-1])
    if 0 < cut < len(n2) - 2 and HEAD_NOUN.search(n2) and not HEAD_NOUN.search(n1):
        core, tail = n2[:cut + 1], n2[cut + 1:]
        k = n1.find(core[:2], 1) if len(core) >= 4 else -1
        if k < 2 and len(n1) - len(core) >= 2 and n1[-len(core):][-1] == core[-1]:
            k = len(n1) - len(core)  # 本外币|存款 : 贷款
        if k >= 2:
            return [(n1 + tail, span), (n1[:k] + n2, span)]
    if vocabulary.canonical_id(n1) is None and len(n1) <= len(n2) - 2:
        cut = n2.rfind(n1[-1])
        parallel = 0 < cut < len(n2) - 1 and HEAD_NOUN.search(n2) and not HEAD_NOUN.search(n1)
        cand = n1 + n2[cut + 1:] if parallel else n1 + n2[len(n1):]  # 金融业 + 增加值 / 城镇 + 居民…
        if vocabulary.canonical_id(cand) or (HEAD_NOUN.search(n2) and not HEAD_NOUN.search(n1)):
            return [(cand, span), (n2, span)]
    return names


#: The measure a list's items share, written once after the last item (茶叶、鲜切花、咖啡综合产值).
MEASURE_TAIL = re.compile(r"(?:综合|总|年|营业|销售|主营业务|人均)?(?:产值|产量|收入|增加值|总额|销售额|营业额|"
                          r"利润|税收|规模|面积|人数|户数|起数|数量)$")
#: A measure an item already has: it needs nothing from the last one.
HAS_MEASURE = re.compile(r"(?:值|量|额|入|率|数|润|收|模|积|出|资|费|金|价|标准|指数)$")


def _share_measure_tail(names: list) -> list:
    """茶叶、鲜切花、咖啡综合产值 -> 茶叶综合产值, 鲜切花综合产值, 咖啡综合产值: items without a
    measure of their own take the one written after the last item; 生产安全事故起数和死亡人数 ->
    the second takes the first one's subject (生产安全事故死亡人数)."""
    if len(names) < 2 or any(sp is None for _, sp in names):
        return names
    last = names[-1][0]
    tail = MEASURE_TAIL.search(last)
    earlier = [n for n, _ in names[:-1]]
    if re.fullmatch(r"第?[一二三四五六七八九十]", earlier[0]) and all(re.fullmatch(r"第?[一二三四五六七八九十]", n) for n in earlier) \
            and re.match(r"第?[一二三四五六七八九十]", last):
        rest = re.sub(r"^第?[一二三四五六七八九十]", "", last)  # 第一、二、三产业增加值
        return [("第" + n.lstrip("第") + rest, sp) for n, sp in names[:-1]] + [("第" + last.lstrip("第"), names[-1][1])]
    if tail and tail.start() >= 1 and all(not HAS_MEASURE.search(n) and len(n) <= 6 and not vocabulary.canonical_id(n)
                                          for n in earlier):
        return [(n + tail.group(0), sp) for n, sp in names[:-1]] + [names[-1]]
    first = names[0][0]
    head = MEASURE_TAIL.search(first)
    other = MEASURE_TAIL.search(last)
    counts = ("起数", "人数", "户数", "数量")
    if head and head.start() >= 2 and len(names) == 2 and len(last) <= 5 and other \
            and head.group(0).endswith(counts) and other.group(0).endswith(counts) \
            and other.group(0) != head.group(0) and not last.startswith(first[:head.start()]):
        return [names[0], (first[:head.start()] + last, names[1][1])]
    return names


def _list_names(head: str, offset: int, k: int) -> list:
    """The names of a k-item 分别 list: split at 、 first (软件和信息服务业营业收入 stays one
    name), at 和/及/与 too when that gives the k names."""
    def split(pattern) -> list:
        out, s = [], 0
        for m in list(pattern.finditer(head)) + [None]:
            a = m.start() if m else len(head)
            nm, sp = clean_name(head[s:a], offset + s)
            if nm:
                out.append((nm, sp))
            s = m.end() if m else s
        return out

    names = split(re.compile("、"))
    if len(names) != k:
        names = split(NAME_SPLIT)
    if len(names) != k:
        names = split(re.compile(r"和(?!谐|平)|与|以及"))  # 蔬菜及制品出口量和出口额: 及 inside an item
    return names


def _share_unit(text: str, items: list[Quantity]) -> None:
    """In a list (分别提高1.5和0.9个百分点), a bare number takes the unit written after the last item."""
    for i, q in enumerate(items):
        if q.category != "bare" or q.value is None:
            continue
        unit_q = next((u for u in items[i + 1:] if u.category != "bare" and u.value is not None), None)
        if unit_q is None or unit_q.unit is None:
            continue
        m = re.match(r"-?[\d.,]+", unit_q.raw)
        if not m:
            continue
        try:
            factor = unit_q.value / float(m.group(0).replace(",", "")) if float(m.group(0).replace(",", "")) else 1.0
        except ValueError:
            continue
        q.value = float(f"{q.value * factor:.12g}")
        q.unit, q.category, q.unit_text = unit_q.unit, unit_q.category, unit_q.unit_text


def _compatible(d: Draft, q: Quantity) -> bool:
    """A level may complete a growth-only draft unless it is itself a rate (then it is a new fact);
    a rate completes a draft whose change is in percentage points (提高1.2个百分点，达到62.5%)."""
    if q.category in ("percent", "permille"):
        return d.change is not None and d.change.unit == "pp"
    return q.category != "pp"


__all__ = ["SentenceLinker", "Draft", "clean_name", "CHANGE_CUE", "RANK"]
