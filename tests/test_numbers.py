"""The number grammar (govnlp.numbers): what is a quantity, and what is not."""
import pytest

from govnlp.numbers import MAGNITUDES, find_quantities, parse_number, qualifiers, units


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, [(q.raw, q.value) for q in qs]
    return qs[0]


@pytest.mark.parametrize("text, value, unit", [
    ("一般公共预算收入44.88亿元", 4488000000.0, "元"),
    ("新增城镇就业1.35万人", 13500.0, "人"),
    ("实际利用外资3.02亿美元", 302000000.0, "美元"),
    ("完成投资1,024.6亿元", 102460000000.0, "元"),
    ("全县生产总值1,835.7亿元", 183570000000.0, "元"),
    ("城镇居民人均可支配收入35180元", 35180.0, "元"),
    ("查扣涉案资产七千余万元", 70000000.0, "元"),
    ("累计投入二百一十三亿五千万元", 21350000000.0, "元"),
    ("设立百亿元产业基金", 10000000000.0, "元"),
    ("投入两千万元", 20000000.0, "元"),
    ("增长百分之二点四", 2.4, "%"),
    ("提高3.4个百分点", 3.4, "pp"),
    ("下降0.8百分点", 0.8, "pp"),
    ("人口自然增长率3.2‰", 3.2, "‰"),
    ("新建改造道路9条", 9.0, "条"),
    ("新增高标准农田2.19万亩", 21900.0, "亩"),
    ("新增城市绿地17万平方米", 170000.0, "平方米"),
    ("新能源装机达到5500万千瓦", 55000000.0, "千瓦"),
    ("全社会用电量120亿千瓦时", 12000000000.0, "千瓦时"),
    ("PM2.5平均浓度24微克/立方米", 24.0, "微克/立方米"),
    ("集装箱吞吐量35万标箱", 350000.0, "标准箱"),
    ("接待游客2463万人次", 24630000.0, "人次"),
    ("惠及居民5500余户", 5500.0, "户"),
    ("粮食产量1.3万亿斤", 1.3e12, "斤"),
    ("新建农村公路500公里", 500.0, "公里"),
    ("民生支出占比保持在八成左右", 80.0, "%"),
    ("新建三所幼儿园", 3.0, "所"),
    ("办好十件民生实事", 10.0, "件"),
    ("实现地方财政收入 145.5 亿元", 14550000000.0, "元"),
])
def test_values_are_folded_into_the_base_unit(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value, rel=1e-9)
    assert q.unit == unit


@pytest.mark.parametrize("text, low, high, unit", [
    ("地区生产总值增长8-8.5%", 8.0, 8.5, "%"),
    ("国内生产总值增长6%-6.5%", 6.0, 6.5, "%"),
    ("居民消费价格涨幅3%—3.5%", 3.0, 3.5, "%"),
    ("经济增长4.5%至5%", 4.5, 5.0, "%"),
    ("新增就业1.2-1.5万人", 12000.0, 15000.0, "人"),
    ("人均收入6至6.5万元", 60000.0, 65000.0, "元"),
])
def test_ranges_give_low_and_high(text, low, high, unit):
    q = one(text)
    assert q.value is None and (q.low, q.high, q.unit) == (low, high, unit)


@pytest.mark.parametrize("text, qualifier", [
    ("增长6.5%左右", "approx"),
    ("约158亿元", "approx"),
    ("新增城镇就业45万人以上", "at_least"),
    ("高企突破600家", "at_least"),
    ("不低于3%", "at_least"),
    ("累计落实税费支持超22亿元", "at_least"),
    ("1.2万余名干部职工", "more_than"),
    ("盘活闲置低效工业用地1000多亩", "more_than"),
    ("城镇调查失业率控制在5.5%以内", "at_most"),
    ("赤字率3%以下", "at_most"),
    ("实际使用外资近2.1亿美元", "nearly"),
    ("平均缩短接近20分钟", "nearly"),
    ("资金缺口不到3亿元", "less_than"),
    ("节约3吨", None),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize("text", [
    "2019年主要工作回顾",
    "2016-2020年",
    "——2020年7月15日在区人大常委会上",
    "发布日期:2020-08-06 09:56",
    "南京市浦口区人民政府\n2020730\n",
    "长三角G60科创走廊",
    "建设5G基站",
    "S356省道",
    "PM2.5",
    "创建4A级景区",
    "水质达到Ⅱ类",
    "“1+28”工作体系",
    "“3+5+X”产业体系",
    "12345热线",
    "9333",
    "181平台",
    "第三",
    "第十六届人民代表大会",
    "“十四五”规划",
    "在四个老城区1中排名第一",
    "普惠性幼儿园9覆盖率",
    "“五型”政府14",
    "实施“三个一”工程",
    "一是打造一条风景带",
    "千家万户",
    "新中国成立70周年",
    "三次产业结构11.8:48.3:39.9",
    "实施“共富十二条[3]”",
    "经济总量连跨两个万亿元台阶",
    "一成不变",
    "索引号: s696131-6667-7099-3667",
])
def test_things_that_are_not_quantities(text):
    assert find_quantities(text) == []


def test_offsets_point_into_the_text():
    text = "上半年，一般公共预算收入约44.88亿元，同比增长9.2%左右。"
    a, b = find_quantities(text)
    assert text[a.start:a.end] == "约44.88亿元" and a.raw == "44.88亿元"
    assert text[a.num_start:a.num_end] == "44.88亿元"
    assert text[b.start:b.end] == "9.2%左右" and b.raw == "9.2%"


def test_a_window_of_the_text_can_be_searched():
    text = "甲12亿元，乙34亿元"
    qs = find_quantities(text, start=5)
    assert [q.value for q in qs] == [3400000000.0] and qs[0].start == 7


@pytest.mark.parametrize("text, value", [
    ("1,024.6", 1024.6), ("二百一十三亿五千万", 21350000000.0), ("百亿", 1e10),
    ("两千万", 2e7), ("二点四", 2.4), ("十", 10.0), ("一千零五", 1005.0), ("不是数", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_tables_are_well_formed():
    assert "亿元" not in units() and "万人" not in units()  # magnitudes are not units
    assert units()["兆瓦"].factor == 1000 and units()["兆瓦"].base == "千瓦"
    assert set(MAGNITUDES) >= {"十万", "百万", "千万", "亿", "万亿"}
    assert {u.base for u in units().values()} >= {"元", "美元", "人", "人次", "户", "%", "pp", "‰", "亩"}
    assert set(qualifiers().values()) <= {"approx", "at_least", "more_than", "at_most", "less_than", "nearly"}


def test_speed_on_a_long_text():
    import time
    text = ("全区实现地区生产总值366.51亿元，增长6.5%；新建三所幼儿园，惠及居民5500余户。" * 400)
    t0 = time.perf_counter()
    qs = find_quantities(text)
    assert len(qs) == 1600
    assert time.perf_counter() - t0 < 0.5
