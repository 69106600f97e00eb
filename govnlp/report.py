"""The one data model: Report and its records (see docs/schema.md / SCHEMA.md).

Every offset is a half-open ``[start, end)`` range into ``Report.text``, the normalised text.
Records are plain dataclasses with ``to_dict``/``from_dict`` in exactly the SCHEMA.md shape.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

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
        d["confidence"] = float(d["confidence"])
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
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "change": None if self.change is None else self.change.to_dict(),
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
        """The SCHEMA.md shape (plus the extra keys boilerplate/glossary/footnotes)."""
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
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Report":
        """Inverse of :meth:`to_dict`; unknown keys are ignored."""
        version = d.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"[E010] schema_version {version!r} is not {SCHEMA_VERSION!r}; "
                             "see docs/schema.md for migrations.")
        return cls(
            text=d["text"],
            meta=Meta.from_dict(d.get("meta") or {}),
            sections=[Section.from_dict(s) for s in d.get("sections", [])],
            indicators=[Indicator.from_dict(i) for i in d.get("indicators", [])],
            slogans=[Slogan.from_dict(s) for s in d.get("slogans", [])],
            tasks=[Task.from_dict(t) for t in d.get("tasks", [])],
            warnings=list(d.get("warnings", [])),
            boilerplate=[Boilerplate.from_dict(b) for b in d.get("boilerplate", [])],
            glossary=[GlossaryEntry.from_dict(g) for g in d.get("glossary", [])],
            footnotes=[Footnote.from_dict(f) for f in d.get("footnotes", [])],
        )

    def to_json(self, **kwargs: Any) -> str:
        """JSON text of :meth:`to_dict` (UTF-8 characters kept as they are)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, s: str) -> "Report":
        return cls.from_dict(json.loads(s))

    # ---- navigation ----------------------------------------------------
    def raw_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of ``text`` back to the raw (decoded) input."""
        if not self.raw_map:
            return start, end
        if not (0 <= start <= end <= len(self.text)):
            raise IndexError(f"[E011] range [{start}, {end}) is outside the text (0..{len(self.text)})")
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
        starts = [b.start for b in self.boilerplate]
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and self.boilerplate[i].start <= offset < self.boilerplate[i].end

    def indicators_frame(self):
        """Indicators as a pandas DataFrame, one row per indicator (see govnlp.export)."""
        from .export import indicators_frame
        return indicators_frame(self)

    def sections_frame(self):
        from .export import sections_frame
        return sections_frame(self)
