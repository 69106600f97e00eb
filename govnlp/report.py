"""The one data model: Report and its records (see docs/schema.md / SCHEMA.md).

Every offset is a half-open ``[start, end)`` range into ``Report.text``, the normalised text.
Records are plain dataclasses with ``to_dict``/``from_dict`` in exactly the SCHEMA.md shape.
"""
from __future__ import annotations

import bisect
import json
import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

from .errors import Errors, OffsetError, SchemaError

SCHEMA_VERSION = "1"

FUNCTIONS = (
    "preamble", "review", "problems", "guidance", "targets", "tasks", "self_building",
    "closing", "glossary", "boilerplate", "other",
)
TOPICS = (
    "economy", "industry", "innovation", "reform_opening", "urban_rural", "ecology",
    "livelihood", "governance_safety", "epidemic", "government", "general",
)
LEVELS = ("national", "province", "city", "county")
DOC_TYPES = ("work_report", "half_year_report", "summary", "task_plan", "other")
QUALIFIERS = ("approx", "at_least", "more_than", "at_most", "less_than", "nearly")
KINDS = ("actual", "target", "forecast")


def _span(value: Any) -> Optional[list[int]]:
    return None if value is None else [int(value[0]), int(value[1])]


def _finite(value: Any) -> Any:
    """``value`` unless it is a NaN or infinite float (JSON has no such numbers): then None."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _json_safe(obj: Any) -> Any:
    """A copy of ``obj`` with every NaN/infinite float replaced by None (the last guard before
    JSON; the records already write None for them)."""
    if isinstance(obj, float):
        return _finite(obj)
    if isinstance(obj, dict):
        return {k: _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_safe(v) for v in obj]
    return obj


def encode_raw_map(raw_map: list[int]) -> list[list[int]]:
    """Run-length form of an offset map: ``[i, r]`` pairs where the map stops counting up by
    one (``raw_map[i] != raw_map[i-1] + 1``); from text offset ``i`` on the raw offsets are
    ``r, r+1, ...`` up to the next pair. A report whose text is its raw input needs one pair."""
    out: list[list[int]] = []
    prev = None
    for i, r in enumerate(raw_map):
        if prev is None or r != prev + 1:
            out.append([i, int(r)])
        prev = r
    return out


def decode_raw_map(pairs: Any, n: int) -> list[int]:
    """Inverse of :func:`encode_raw_map` for a text of ``n`` characters (a map of n + 1)."""
    if not pairs:
        return []
    try:
        points = [(int(i), int(r)) for i, r in pairs]
    except (TypeError, ValueError) as exc:
        raise SchemaError(Errors.E013.format(reason=f"raw_map is not a list of [offset, raw offset] pairs ({exc})")) from exc
    if points[0][0] != 0 or any(b[0] <= a[0] for a, b in zip(points, points[1:])) or points[-1][0] > n:
        raise SchemaError(Errors.E013.format(reason="raw_map pairs must start at 0 and increase within the text"))
    out: list[int] = []
    for k, (i, r) in enumerate(points):
        stop = points[k + 1][0] if k + 1 < len(points) else n + 1
        out.extend(range(r, r + stop - i))
    return out


@dataclass
class Meta:
    """Who issued the report, when, and what kind of document it is."""

    title: Optional[str] = None
    region: Optional[str] = None
    province: Optional[str] = None
    admin_code: Optional[str] = None
    level: Optional[str] = None
    year: Optional[int] = None
    doc_type: str = "other"
    date: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Meta":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Section:
    """One node of the outline; ``start``/``end`` cover heading, body and children."""

    id: int
    parent: Optional[int]
    level: int
    marker: Optional[str]
    title: str
    start: int
    end: int
    function: str = "other"
    topic: str = "general"
    confidence: float = 0.0
    # where the heading line ends (body starts); not part of SCHEMA but useful downstream
    body_start: Optional[int] = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["confidence"] = _finite(float(d["confidence"])) or 0.0
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Section":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Change:
    """A change attached to an indicator: 增长9.2% -> value 9.2, unit "%"."""

    value: float
    unit: str
    basis: Optional[str] = None
    text: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Change"]:
        return None if d is None else cls(float(d["value"]), d["unit"], d.get("basis"), d.get("text", ""))


@dataclass
class Rank:
    """A rank: 居全市第二 -> scope "全市", position 2."""

    scope: str
    position: int
    text: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Rank"]:
        return None if d is None else cls(d["scope"], int(d["position"]), d.get("text", ""))


@dataclass
class Indicator:
    """One measured or targeted quantity."""

    name: str = ""
    canonical: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    change: Optional[Change] = None
    rank: Optional[Rank] = None
    kind: str = "actual"
    period: Optional[str] = None
    section: Optional[int] = None
    sentence: list[int] = field(default_factory=lambda: [0, 0])
    spans: dict = field(default_factory=lambda: {"name": None, "value": None, "change": None})
    source: str = "rules"

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "canonical": self.canonical,
            "value": _finite(self.value),
            "low": _finite(self.low),
            "high": _finite(self.high),
            "unit": self.unit,
            "qualifier": self.qualifier,
            # a change whose value is not a finite number says nothing: left out
            "change": None if self.change is None or _finite(self.change.value) is None else self.change.to_dict(),
            "rank": None if self.rank is None else self.rank.to_dict(),
            "kind": self.kind,
            "period": self.period,
            "section": self.section,
            "sentence": _span(self.sentence),
            "spans": {k: _span(self.spans.get(k)) for k in ("name", "value", "change")},
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Indicator":
        spans = d.get("spans") or {}
        return cls(
            name=d.get("name", ""),
            canonical=d.get("canonical"),
            value=d.get("value"),
            low=d.get("low"),
            high=d.get("high"),
            unit=d.get("unit"),
            qualifier=d.get("qualifier"),
            change=Change.from_dict(d.get("change")),
            rank=Rank.from_dict(d.get("rank")),
            kind=d.get("kind", "actual"),
            period=d.get("period"),
            section=d.get("section"),
            sentence=_span(d.get("sentence")) or [0, 0],
            spans={k: _span(spans.get(k)) for k in ("name", "value", "change")},
            source=d.get("source", "rules"),
        )


@dataclass
class Slogan:
    """A numbered slogan or abbreviation and what it stands for in this report."""

    text: str
    start: int
    end: int
    expansion: Optional[list[str]] = None
    definition: Optional[str] = None
    provenance: Optional[str] = None
    scope: Optional[str] = None
    alternatives: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Slogan":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Task:
    """One numbered item of a task-decomposition plan."""

    number: str
    text: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    indicators: list[int] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Task":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class GlossaryEntry:
    """One entry of the report's own 注释/名词解释 block: ``14. “五型”政府：...``."""

    number: str
    term: str
    definition: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "GlossaryEntry":
        return cls(**d)


@dataclass
class Footnote:
    """A footnote marker glued to a term in the body (``“五型”政府14``), linked to its entry."""

    number: str
    start: int  # the marker digits
    end: int
    term: Optional[str] = None  # the glossary term it refers to, if known
    entry: Optional[int] = None  # index into Report.glossary

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Footnote":
        return cls(**d)


@dataclass
class Boilerplate:
    """A stretch of text set aside as page chrome (navigation, footer, widgets, 图片)."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Boilerplate":
        return cls(**d)


@dataclass
class Report:
    """A parsed government work report. ``text`` is the single coordinate system."""

    text: str
    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    slogans: list[Slogan] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # extras beyond SCHEMA.md (allowed): what normalisation found
    boilerplate: list[Boilerplate] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    # offset map: raw_map[i] is the raw offset of text[i]; len == len(text) + 1
    raw_map: list[int] = field(default_factory=list, repr=False)
    raw_text: Optional[str] = field(default=None, repr=False)

    # ---- serialisation -------------------------------------------------
    def to_dict(self) -> dict:
        """The SCHEMA.md shape (plus the extra keys boilerplate/glossary/footnotes and
        ``raw_map``, the offset map back to the raw input in run-length form, see
        :func:`encode_raw_map`). Every number is finite."""
        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "meta": self.meta.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "indicators": [i.to_dict() for i in self.indicators],
            "slogans": [s.to_dict() for s in self.slogans],
            "tasks": [t.to_dict() for t in self.tasks],
            "warnings": list(self.warnings),
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "glossary": [g.to_dict() for g in self.glossary],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "raw_map": encode_raw_map(self.raw_map),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Report":
        """Inverse of :meth:`to_dict`; unknown keys are ignored. A dict that is not a Report
        raises SchemaError (E013), another schema version E010."""
        if not isinstance(d, dict):
            raise SchemaError(Errors.E013.format(reason=f"got {type(d).__name__}, not a dict"))
        version = d.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise SchemaError(Errors.E010.format(version=version, expected=SCHEMA_VERSION))
        try:
            text = d["text"]
            if not isinstance(text, str):
                raise TypeError(f"text is {type(text).__name__}")
            return cls(
                text=text,
                meta=Meta.from_dict(d.get("meta") or {}),
                sections=[Section.from_dict(s) for s in d.get("sections", [])],
                indicators=[Indicator.from_dict(i) for i in d.get("indicators", [])],
                slogans=[Slogan.from_dict(s) for s in d.get("slogans", [])],
                tasks=[Task.from_dict(t) for t in d.get("tasks", [])],
                warnings=list(d.get("warnings", [])),
                boilerplate=[Boilerplate.from_dict(b) for b in d.get("boilerplate", [])],
                glossary=[GlossaryEntry.from_dict(g) for g in d.get("glossary", [])],
                footnotes=[Footnote.from_dict(f) for f in d.get("footnotes", [])],
                raw_map=decode_raw_map(d.get("raw_map"), len(text)),
            )
        except SchemaError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise SchemaError(Errors.E013.format(reason=f"{type(exc).__name__}: {exc}")) from exc

    def to_json(self, **kwargs: Any) -> str:
        """JSON text of :meth:`to_dict` (UTF-8 characters kept as they are; never NaN or
        Infinity, which JSON does not have)."""
        kwargs.setdefault("ensure_ascii", False)
        kwargs["allow_nan"] = False
        return json.dumps(_json_safe(self.to_dict()), **kwargs)

    @classmethod
    def from_json(cls, s: str) -> "Report":
        """Inverse of :meth:`to_json`; text that is not JSON raises SchemaError (E013)."""
        try:
            d = json.loads(s)
        except (TypeError, ValueError) as exc:
            raise SchemaError(Errors.E013.format(reason=f"not JSON ({exc})")) from exc
        return cls.from_dict(d)

    # ---- navigation ----------------------------------------------------
    def raw_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of ``text`` back to the raw (decoded) input.

        Raises OffsetError (an IndexError) for a range outside the text (E011) and for a
        Report without an offset map (E012), never a silent identity."""
        if not self.raw_map:
            raise OffsetError(Errors.E012)
        if not (0 <= start <= end <= len(self.text)):
            raise OffsetError(Errors.E011.format(start=start, end=end, n=len(self.text)))
        if end == start:
            return self.raw_map[start], self.raw_map[start]
        return self.raw_map[start], self.raw_map[end - 1] + 1

    def section_at(self, offset: int) -> Optional[Section]:
        """The innermost section holding ``offset`` (None before the first heading)."""
        best = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def children(self, section_id: Optional[int]) -> list[Section]:
        return [s for s in self.sections if s.parent == section_id]

    def is_boilerplate(self, offset: int) -> bool:
        # the start list is cached per boilerplate list (stages call this once per line)
        key = (id(self.boilerplate), len(self.boilerplate))
        cached = self.__dict__.get("_boiler_starts")
        if cached is None or cached[0] != key:
            cached = (key, [b.start for b in self.boilerplate])
            self.__dict__["_boiler_starts"] = cached
        starts = cached[1]
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and self.boilerplate[i].start <= offset < self.boilerplate[i].end

    def indicators_frame(self):
        """Indicators as a pandas DataFrame, one row per indicator (see govnlp.export)."""
        from .export import indicators_frame
        return indicators_frame(self)

    def sections_frame(self):
        from .export import sections_frame
        return sections_frame(self)
