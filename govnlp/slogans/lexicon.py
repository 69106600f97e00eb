"""The slogan lexicon: readings of numbered slogans with region and period, and how to pick one.

The bundled file is ``govnlp/data/slogans.jsonl``, one reading per line::

    {"text": "六稳", "variants": [], "items": ["稳就业", ...], "gloss": "...", "level": "national",
     "region": null, "valid_from": 2018, "valid_to": null, "source": "https://..."}

Optional keys: ``quality`` ("V" checked, "P" partly checked, "L" low-quality source: never
chosen, only counted as an alternative), ``cues`` (words; a reading with ``requires_cue`` is
only chosen when one of them occurs near the slogan), ``strict`` (a national reading that local
reports reuse with other items: applied only to national reports), ``quoted_only`` (detect
the surface only inside quotation marks, for short forms that occur in ordinary words),
``distinctive`` (a regional surface no other place uses: applied wherever it is quoted),
``list`` (false for a known name that stands for no list, e.g. 一网通办: known to detection so
that it is not mistaken for something else, but not reported as a slogan).
A user lexicon in the same format is added with ``load_lexicon(extra=PATH)``; its readings
come first and win ties. A missing or unreadable file raises LexiconNotFoundError (E021), a
malformed line LexiconError (E020): both are GovnlpErrors.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

from ..errors import Errors, LexiconError, LexiconNotFoundError
from ..report import Meta
from .items import strip_quotes

LEVELS = ("national", "province", "city", "county", "local")


@dataclass(frozen=True)
class Reading:
    """One reading of a slogan surface in one region and period."""

    text: str
    items: Optional[tuple[str, ...]]
    gloss: str
    level: str = "national"
    region: Optional[str] = None
    valid_from: Optional[int] = None
    valid_to: Optional[int] = None
    source: str = ""
    variants: tuple[str, ...] = ()
    quality: str = "V"
    cues: tuple[str, ...] = ()
    requires_cue: bool = False
    strict: bool = False
    quoted_only: bool = False
    distinctive: bool = False
    list: bool = True
    origin: str = "bundled"

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.text,) + tuple(v for v in self.variants if v != self.text)

    @property
    def scope(self) -> str:
        """``江西省 2018-``, ``全国 2014-2020``, ``全国``."""
        where = self.region or ("全国" if self.level == "national" else "各地")
        if self.valid_from is None and self.valid_to is None:
            return where
        a = "" if self.valid_from is None else str(self.valid_from)
        b = "" if self.valid_to is None else str(self.valid_to)
        return f"{where} {a}-{b}"

    @classmethod
    def from_dict(cls, d: dict, origin: str = "bundled") -> "Reading":
        items = d.get("items")
        return cls(
            text=strip_quotes(d["text"]),
            items=None if items is None else tuple(items),
            gloss=d.get("gloss") or "",
            level=d.get("level") or "national",
            region=d.get("region"),
            valid_from=d.get("valid_from"),
            valid_to=d.get("valid_to"),
            source=d.get("source") or "",
            variants=tuple(strip_quotes(v) for v in d.get("variants") or ()),
            quality=d.get("quality") or "V",
            cues=tuple(d.get("cues") or ()),
            requires_cue=bool(d.get("requires_cue", False)),
            strict=bool(d.get("strict", False)),
            quoted_only=bool(d.get("quoted_only", False)),
            distinctive=bool(d.get("distinctive", False)),
            list=bool(d.get("list", True)),
            origin=origin,
        )


@dataclass
class Lexicon:
    """All readings, indexed by every surface form."""

    readings: list[Reading] = field(default_factory=list)
    by_surface: dict[str, list[Reading]] = field(default_factory=dict)

    def add(self, reading: Reading) -> None:
        self.readings.append(reading)
        for s in reading.surfaces:
            self.by_surface.setdefault(s, []).append(reading)

    def get(self, surface: str) -> list[Reading]:
        return self.by_surface.get(strip_quotes(surface), [])

    def __contains__(self, surface: str) -> bool:
        return strip_quotes(surface) in self.by_surface

    def __len__(self) -> int:
        return len(self.readings)

    def quoted_only(self, surface: str) -> bool:
        rs = self.get(surface)
        return bool(rs) and all(r.quoted_only for r in rs)


def read_jsonl(path_or_text, origin: str) -> list[Reading]:
    """Readings from a JSONL file (or its text). Blank lines and ``#`` comments are skipped."""
    if isinstance(path_or_text, Path):
        text = _read_lexicon_file(path_or_text)
    else:
        text = str(path_or_text)
    out = []
    for no, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict):
                raise TypeError(f"a JSON {type(entry).__name__}, not an object")
            reading = _checked(Reading.from_dict(entry, origin=origin))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise LexiconError(Errors.E020.format(origin=origin, no=no, reason=f"{type(exc).__name__}: {exc}")) from exc
        out.append(reading)
    return out


def _checked(r: Reading) -> Reading:
    """``r`` if every field has the type the resolver relies on, else TypeError/ValueError."""
    if not isinstance(r.text, str) or not r.text:
        raise ValueError("'text' must be a non-empty string")
    strings = r.variants + r.cues + (r.items or ())
    if not all(isinstance(x, str) for x in strings):
        raise TypeError("'items', 'variants' and 'cues' must be lists of strings")
    for key in ("valid_from", "valid_to"):
        year = getattr(r, key)
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise TypeError(f"{key!r} must be a year (an integer) or null")
    if r.region is not None and not isinstance(r.region, str):
        raise TypeError("'region' must be a string or null")
    if not isinstance(r.gloss, str) or not isinstance(r.source, str):
        raise TypeError("'gloss' and 'source' must be strings")
    if r.level not in LEVELS:
        raise ValueError(f"'level' must be one of {LEVELS}")
    return r


def _read_lexicon_file(path: Path) -> str:
    """The text of a lexicon file; a missing, unreadable or non-UTF-8 file is E021."""
    try:
        if not path.is_file():
            raise LexiconNotFoundError(Errors.E021.format(path=str(path), reason="no such file"))
        return path.read_text(encoding="utf-8")
    except LexiconNotFoundError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconNotFoundError(Errors.E021.format(path=str(path), reason=f"{type(exc).__name__}: {exc}")) from exc


@lru_cache(maxsize=1)
def _bundled() -> tuple[Reading, ...]:
    text = resources.files("govnlp.data").joinpath("slogans.jsonl").read_text(encoding="utf-8")
    return tuple(read_jsonl(text, origin="bundled"))


@lru_cache(maxsize=8)
def load_lexicon(extra: Optional[str] = None) -> Lexicon:
    """The bundled lexicon, with the readings of a user file ``extra`` (same format) first."""
    lex = Lexicon()
    if extra:
        for r in read_jsonl(Path(extra), origin=str(extra)):
            lex.add(r)
    for r in _bundled():
        lex.add(r)
    return lex


@lru_cache(maxsize=256)
def _parents(code: Optional[str]) -> tuple[str, ...]:
    """Names of the city and province above an admin code (思明区 -> 厦门市, 福建省)."""
    if not code:
        return ()
    try:
        from .. import regions

        d = regions.get(code)
    except Exception:  # the region table only helps here
        return ()
    if d is None:
        return ()
    return tuple(x.name for x in (d.city, d.province) if x is not None)


def _region_matches(reading: Reading, meta: Meta) -> Optional[bool]:
    """True: the report is inside the reading's region; False: outside; None: cannot tell."""
    if not reading.region:
        return True
    names = [n for n in (meta.region, meta.province) + _parents(meta.admin_code) if n]
    if not names:
        return None
    key = reading.region.rstrip("省市区县")
    return any(key and key in n for n in names)


def reference_years(meta: Meta) -> list[int]:
    """The years a report's wording belongs to, best first: the year it was delivered
    (``meta.date``), then the report's own year (``meta.year``, docs/annotation.md 6)."""
    years = []
    if meta.date and meta.date[:4].isdigit():
        years.append(int(meta.date[:4]))
    if meta.year is not None:
        years.append(meta.year)
    return list(dict.fromkeys(years))


def _in_period(reading: Reading, year: int) -> bool:
    return not ((reading.valid_from is not None and year < reading.valid_from)
                or (reading.valid_to is not None and year > reading.valid_to))


def _period_matches(reading: Reading, years: list[int]) -> Optional[int]:
    """2: the best reference year is inside the reading's period; 1: only another one is;
    0: none is; None: the report's year is unknown. Undated readings always give 2."""
    if reading.valid_from is None and reading.valid_to is None:
        return 2
    if not years:
        return None
    if _in_period(reading, years[0]):
        return 2
    return 1 if any(_in_period(reading, y) for y in years[1:]) else 0


@dataclass
class Choice:
    """The outcome of choosing among readings of one surface."""

    reading: Optional[Reading]
    alternatives: int
    candidates: int


def choose(readings: list[Reading], meta: Meta, context: str = "") -> Choice:
    """Pick the reading that fits the report's region, year and context, or none.

    A reading is eligible when its quality is not L, its region holds the report (or it has
    none), its period holds the report's year, its cue (if required) is in ``context``, and it
    is not a ``strict`` national reading used in a local report. Among eligible readings the
    most specific region wins, then the one whose cue is present. If several remain with
    different items, nothing is chosen: a wrong expansion is worse than none (with the year
    unknown, 四个全面 v1 and v2 tie and give nothing).
    """
    if not readings:
        return Choice(None, 0, 0)
    years = reference_years(meta)
    eligible = []
    for r in readings:
        if r.quality == "L":
            continue
        if r.requires_cue and not any(c in context for c in r.cues):
            continue
        if r.strict and r.level == "national" and meta.level != "national":
            continue
        region_ok = _region_matches(r, meta)
        period_ok = _period_matches(r, years)
        if r.distinctive and region_ok is not True:
            region_ok = True  # 五水共治 means the same wherever it is quoted
        if region_ok is False or period_ok == 0:
            continue
        if r.region and region_ok is None:
            continue  # a local reading needs a known place
        eligible.append((r, region_ok, period_ok))
    n_total = len(readings)
    if not eligible:
        return Choice(None, n_total, n_total)

    def rank(entry):
        r, region_ok, period_ok = entry
        user = 1 if r.origin != "bundled" else 0
        local = 1 if r.region else 0
        cue = 1 if r.cues and any(c in context for c in r.cues) else 0
        dated = (period_ok or 0) if (r.valid_from or r.valid_to) else 0
        return (user, local, cue, dated)

    eligible.sort(key=rank, reverse=True)
    best = eligible[0]
    ties = [e for e in eligible if rank(e) == rank(best)]
    if len({e[0].items for e in ties}) > 1:
        return Choice(None, n_total, n_total)
    others = sum(1 for r in readings if r is not best[0])
    return Choice(best[0], others, n_total)
