"""Whatever the input, parse_report either returns a sound Report or raises a GovnlpError.

Hypothesis drives the generators of tests/fuzz_inputs.py (random Unicode, random bytes, mutated
seed text, HTML, PDF, DOCX, odd encodings) with a seeded, derandomised budget of about a minute
on two cores; benchmarks/fuzz.py runs the same generators on thousands of inputs.
"""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import fuzz_inputs  # noqa: E402
from govnlp.errors import GovnlpError  # noqa: E402
from govnlp.invariants import violations  # noqa: E402
from govnlp.pipeline import parse_report  # noqa: E402

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def parse_or_refuse(source):
    """The Report, or None when govnlp refused the input with one of its coded errors."""
    try:
        return parse_report(source, indicators="rules")
    except GovnlpError as exc:
        assert str(exc).startswith("[E"), f"a GovnlpError without a code: {exc}"
        return None


def check(source) -> None:
    report = parse_or_refuse(source)
    if report is not None:
        assert violations(report) == []


@pytest.mark.parametrize("kind", sorted(fuzz_inputs.GENERATORS))
@FUZZ
@given(rnd=st.randoms(use_true_random=False))
def test_any_input_gives_a_sound_report_or_a_coded_error(kind, rnd):
    pytest.importorskip("reportlab") if kind == "pdf" else None
    _, source = fuzz_inputs.generate(rnd, kind)
    check(source)


@FUZZ
@given(text=st.text(max_size=300))
def test_any_short_str_gives_a_sound_report_or_a_coded_error(text):
    check(text)


@settings(FUZZ, max_examples=6)
@given(rnd=st.randoms(use_true_random=False))
def test_the_same_input_parses_the_same_way_twice(rnd):
    _, source = fuzz_inputs.generate(rnd, "mutated")
    first = parse_or_refuse(source)
    second = parse_or_refuse(source)
    assert (first is None and second is None) or first.to_dict() == second.to_dict()
