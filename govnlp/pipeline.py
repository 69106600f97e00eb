"""parse_report(): the one flow from a source to a Report (see ARCHITECTURE in docs/).

read -> normalize -> outline -> meta -> sections -> indicators -> slogans -> tasks
Each stage reads the Report built so far and adds its records; only normalize changes text.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator, Optional

from .errors import Errors, GovnlpError, ReadError
from .report import Report

INDICATOR_MODES = ("rules", "model", "hybrid", "none")
#: the default indicator mode: since the rules align 分别 lists and cut clause verbs themselves,
#: hybrid and rules score the same on train/dev/test/holdout (strict linked F1) and the rules
#: cost half the CPU and import no torch; a ner_model= given with the default mode means hybrid
DEFAULT_INDICATORS = "rules"


def parse_text(text: str, *, raw: Optional[str] = None, indicators: str = "default",
               slogans: bool = True, lexicon: Optional[str] = None,
               sections_model: Optional[str] = None, ner_model: Optional[str] = None,
               warnings: Optional[list[str]] = None, max_chars: Optional[int] = None) -> Report:
    """Run every stage on already-decoded text.

    The text is checked at the door as in :func:`parse_report` (length limit E008, lone
    surrogates replaced one for one with W010). A model folder given explicitly
    (``sections_model=``, ``ner_model=``) must load, else ModelNotFoundError (E007); only the
    default folders fall back to rules with W008/W009.
    """
    from . import meta as meta_stage
    from . import normalize as normalize_stage
    from . import outline as outline_stage
    from . import sections as sections_stage
    from . import tasks as tasks_stage
    from .io import clean_text

    if not isinstance(text, str):
        raise GovnlpError(Errors.E005.format(type=type(text).__name__))
    text, door = clean_text(text, "<text>", max_chars)
    mode = _indicator_mode(indicators, ner_model)
    _check_explicit_models(mode, sections_model, ner_model)

    norm = normalize_stage.normalize(text)
    report = Report(text=norm.text, raw_map=norm.raw_map, raw_text=text,
                    boilerplate=norm.boilerplate, warnings=list(warnings or []) + door + norm.warnings)
    outline_stage.add_outline(report)
    report.meta = meta_stage.extract_meta(report)
    sections_stage.label_sections(report, model=sections_model)

    if mode != "none":
        from . import indicators as indicators_stage
        report.indicators = indicators_stage.extract_indicators(report, mode=mode, model=ner_model)
    if slogans:
        from . import slogans as slogans_stage
        report.slogans = slogans_stage.find_slogans(report, lexicon=lexicon)
    report.tasks = tasks_stage.extract_tasks(report)
    return report


def _check_explicit_models(mode: str, sections_model, ner_model) -> None:
    """Load the model folders the caller named, so that a missing or damaged one is an error
    (E007) rather than a silent fall-back. Loaded models are cached by their loaders."""
    if sections_model is not None:
        from .sections import load_model as load_sections_model
        load_sections_model(sections_model)
    if ner_model is not None and mode in ("model", "hybrid") and isinstance(ner_model, (str, os.PathLike)):
        from .indicators.hybrid import resolve_model
        resolve_model(ner_model)


def _indicator_mode(indicators: str, ner_model: Optional[str]) -> str:
    if indicators == "default":
        indicators = os.environ.get("GOVNLP_INDICATORS", "").strip() or ("hybrid" if ner_model else DEFAULT_INDICATORS)
    if indicators not in INDICATOR_MODES:
        raise GovnlpError(Errors.E006.format(name="indicators", value=indicators, choices=INDICATOR_MODES))
    return indicators


def parse_report(source=None, *, path=None, encoding: Optional[str] = None,
                 max_chars: Optional[int] = None, **kwargs) -> Report:
    """Parse one report into a :class:`~govnlp.report.Report`.

    ``source`` is the text itself (a ``str`` is always text, never a file name), bytes in any
    common Chinese encoding, or a file as ``pathlib.Path`` (.txt/.html/.pdf/.docx); ``path=``
    names a file as str or Path. Only regular files are read. Inputs beyond
    ``govnlp.io.LIMITS`` (``max_chars`` overrides the character limit) raise E008.
    Keyword options: ``indicators`` ("rules", the default, "hybrid" (the default when
    ``ner_model`` is given), "model", "none"; $GOVNLP_INDICATORS changes the default), ``slogans`` (bool), ``lexicon`` (path of an extra
    slogan lexicon), ``sections_model``/``ner_model`` (model folders; one given explicitly must
    load, else E007). Every failure the input can cause is a :class:`~govnlp.errors.GovnlpError`.
    """
    from .io import read_source

    if source is None and path is None:
        raise ReadError(Errors.E005.format(type="NoneType"))
    doc = read_source(source, encoding=encoding, path=path, max_chars=max_chars)
    return parse_text(doc.text, warnings=doc.warnings, max_chars=max_chars, **kwargs)


def parse_reports(sources: Iterable, *, n_jobs: int = 1, errors: str = "raise",
                  progress: Optional[bool] = None, **kwargs) -> Iterator[Report]:
    """Parse many reports, yielding them in input order (govnlp.corpus.parse_reports).

    ``n_jobs``: worker processes (-1: every core; models are loaded once and shared by fork);
    ``errors``: "raise", "warn" (a FailedReport with source, code and message takes a failed
    source's place) or "skip"; ``progress``: a tqdm bar (default: on for long runs).
    """
    from .corpus import parse_reports as _parse_many

    return _parse_many(sources, n_jobs=n_jobs, errors=errors, progress=progress, **kwargs)
