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

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None, print_blob=True,
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


@settings(FUZZ, max_examples=30)
@given(rnd=st.randoms(use_true_random=False))
def test_the_same_input_parses_the_same_way_twice(rnd):
    _, source = fuzz_inputs.generate(rnd, "mutated")
    first = parse_or_refuse(source)
    second = parse_or_refuse(source)
    assert (first is None and second is None) or first.to_dict() == second.to_dict()


@pytest.mark.parametrize("text", [
    "溫濱鯑咗\uda5d", "增长5%\udc00", "\udbff",            # lone surrogates (OpenCC, tokenizer, JSON)
    "实施“十二五计划”", "“十四五”时期，“四五”普法",         # numerals that are not small counts
    "地区生产总值" + "9" * 400 + "亿元。",                    # a value beyond any float
])
def test_the_reproducers_of_issue_12_give_sound_reports(text):
    report = parse_report(text, indicators="rules")
    assert violations(report) == []
    report.to_json().encode("utf-8")


def test_a_five_year_plan_numeral_is_not_a_small_count():
    from govnlp.slogans.items import cn_number

    assert [cn_number(s) for s in ("十二五", "十四五", "二三十", "二十", "十", "九十九")] == [None, None, None, 20, 10, 99]


def _seconds(text: str) -> float:
    import time

    t0 = time.perf_counter()
    parse_report(text, indicators="rules")
    return time.perf_counter() - t0


@pytest.mark.parametrize("unit", ["(1", "1（", "1“六稳”“六保”"])
def test_a_long_clause_of_bare_numbers_costs_linear_time(unit):
    """The linker looks back a bounded window for a name (was quadratic: 6k chars took 60 s)."""
    small = min(_seconds((unit * 1000)[:1000]) for _ in range(2))
    large = _seconds((unit * 10000)[:10000])
    assert large <= 15 * max(small, 0.02), (small, large)


def test_a_heading_swallowing_many_lists_costs_linear_time():
    """Fuzz seed 12 #1105: kinds read a whole long 'title' and paragraph per number (40k chars, 18 s)."""
    line = "——分别增长1%、2%和3%，（一）标题\n"
    small = min(_seconds(line * 100) for _ in range(2))
    large = min(_seconds(line * 1000) for _ in range(2))
    assert large <= 15 * max(small, 0.02), (small, large)
