"""One error contract: every failure a user can cause is a coded GovnlpError (or, where falling
back was asked for by leaving a model at its default, the documented W008/W009 warning)."""
from __future__ import annotations

import json
import os
import sys

import pytest

import govnlp
from govnlp.errors import (GovnlpError, InputTooLargeError, LexiconError, LexiconNotFoundError,
                           ModelNotFoundError, OffsetError, ReadError, SchemaError)
from govnlp.pipeline import parse_report, parse_text
from govnlp.report import Report

TEXT = "一、总体要求\n全县地区生产总值增长5.2%，“六稳”工作扎实推进。\n二、主要任务\n力争城镇新增就业1.2万人。"


def test_every_coded_error_is_a_govnlp_error_and_its_builtin_kind():
    assert issubclass(ReadError, OSError) and issubclass(InputTooLargeError, ReadError)
    assert issubclass(LexiconError, ValueError) and issubclass(LexiconNotFoundError, FileNotFoundError)
    assert issubclass(SchemaError, ValueError) and issubclass(OffsetError, IndexError)
    for cls in (ReadError, InputTooLargeError, LexiconError, LexiconNotFoundError, ModelNotFoundError,
                SchemaError, OffsetError):
        assert issubclass(cls, GovnlpError)


# ---- slogan lexicons --------------------------------------------------------------------------
def test_a_missing_lexicon_is_e021(tmp_path):
    with pytest.raises(LexiconNotFoundError, match="E021"):
        parse_report(TEXT, indicators="none", lexicon=str(tmp_path / "nope.jsonl"))


@pytest.mark.parametrize("line", [
    "{not json", "[1, 2]", '{"items": ["稳就业"]}', '{"text": ""}', '{"text": "六稳", "valid_from": "2018"}',
    '{"text": "六稳", "items": [1, 2]}', '{"text": "六稳", "cues": [["a"]]}', '{"text": "六稳", "level": "galaxy"}',
])
def test_a_malformed_lexicon_line_is_e020_with_its_line_number(tmp_path, line):
    lex = tmp_path / "mine.jsonl"
    lex.write_text('{"text": "三抓", "items": ["抓项目", "抓招商", "抓服务"]}\n' + line + "\n", "utf-8")
    with pytest.raises(LexiconError, match=r"E020.*line 2"):
        parse_report(TEXT, indicators="none", lexicon=str(lex))


def test_a_lexicon_that_is_not_utf8_or_is_a_folder_is_e021(tmp_path):
    lex = tmp_path / "gbk.jsonl"
    lex.write_bytes('{"text": "三抓", "items": ["抓项目"]}'.encode("utf-16"))
    with pytest.raises(LexiconNotFoundError, match="E021"):
        parse_report(TEXT, indicators="none", lexicon=str(lex))
    with pytest.raises(LexiconNotFoundError, match="E021"):
        parse_report(TEXT, indicators="none", lexicon=str(tmp_path))


def test_the_cli_reports_a_bad_lexicon_without_a_traceback(tmp_path, capsys):
    from govnlp.cli import main

    report = tmp_path / "r.txt"
    report.write_text(TEXT, "utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", "utf-8")
    assert main(["slogans", str(report), "--lexicon", str(tmp_path / "missing.jsonl")]) == 1
    assert "E021" in capsys.readouterr().err
    assert main(["slogans", str(report), "--lexicon", str(bad)]) == 1
    assert "E020" in capsys.readouterr().err


def test_the_cli_treats_every_argument_as_a_file(tmp_path, capsys):
    from govnlp.cli import main

    assert main(["parse", "report.doc", "--indicators", "rules"]) == 1
    assert "E001" in capsys.readouterr().err
    assert main(["slogans", str(tmp_path / "missing.txt")]) == 1
    assert "E001" in capsys.readouterr().err


# ---- model folders ----------------------------------------------------------------------------
def _damaged_ner_folder(path):
    path.mkdir()
    (path / "config.json").write_text('{"model_type": "bert", "id2label": {"0": "O"}', "utf-8")  # cut short
    (path / "model.safetensors").write_bytes(b"\x00not a safetensors file")
    return path


def test_a_missing_ner_model_named_explicitly_is_an_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="E007"):
        parse_report(TEXT, indicators="hybrid", ner_model=str(tmp_path / "no_such_model"))


def test_a_damaged_ner_model_named_explicitly_is_an_error(tmp_path):
    folder = _damaged_ner_folder(tmp_path / "ner")
    with pytest.raises(ModelNotFoundError, match="E007"):
        parse_report(TEXT, indicators="model", ner_model=str(folder))


def test_a_damaged_default_ner_model_falls_back_to_rules_with_w008(tmp_path, monkeypatch):
    from govnlp.indicators import hybrid

    monkeypatch.delenv("GOVNLP_NER_MODEL", raising=False)
    monkeypatch.setattr(hybrid, "DEFAULT_MODEL", _damaged_ner_folder(tmp_path / "ner"))
    r = parse_report(TEXT, indicators="hybrid")
    assert any(w.startswith("[W008]") for w in r.warnings)
    assert r.indicators, "the rules still find the indicators"


def _damaged_sections_folder(path):
    path.mkdir()
    (path / "model.skops").write_bytes(b"PK\x03\x04 not really a zip")
    (path / "meta.json").write_text("{", "utf-8")
    return path


def test_a_damaged_sections_model_named_explicitly_is_an_error(tmp_path):
    folder = _damaged_sections_folder(tmp_path / "sections")
    with pytest.raises(ModelNotFoundError, match="E007"):
        parse_report(TEXT, indicators="none", sections_model=str(folder))
    with pytest.raises(ModelNotFoundError, match="E007"):
        parse_report(TEXT, indicators="none", sections_model=str(tmp_path / "absent"))


def test_a_damaged_default_sections_model_falls_back_with_w009(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVNLP_SECTIONS_MODEL", str(_damaged_sections_folder(tmp_path / "sections")))
    r = parse_report(TEXT, indicators="none")
    assert any(w.startswith("[W009]") for w in r.warnings)
    assert len(r.sections) >= 2 and all(s.function in govnlp.FUNCTIONS for s in r.sections)


# ---- options and types ------------------------------------------------------------------------
def test_an_unknown_option_value_is_e006():
    with pytest.raises(GovnlpError, match="E006"):
        parse_report(TEXT, indicators="magic")


@pytest.mark.parametrize("source", [12345, 3.5, ["一、总体要求"], None, object()])
def test_a_source_of_the_wrong_type_is_e005(source):
    with pytest.raises(ReadError, match="E005"):
        parse_report(source)


def test_parse_text_checks_its_input_at_the_door():
    with pytest.raises(GovnlpError, match="E005"):
        parse_text(b"bytes are for parse_report")
    with pytest.raises(InputTooLargeError, match="E008"):
        parse_text("增长5%。" * 100, max_chars=100)
    r = parse_text("增长5%\udc00。", indicators="rules")
    assert "\ufffd" in r.text and any(w.startswith("[W010]") for w in r.warnings)


# ---- the Report as data -----------------------------------------------------------------------
@pytest.mark.parametrize("d", [[], "text", {"schema_version": "1"}, {"text": 5},
                               {"text": "abc", "sections": [{"id": 0}]},
                               {"text": "abc", "raw_map": [[1, 0]]}, {"text": "abc", "raw_map": "xyz"}])
def test_a_dict_that_is_not_a_report_is_e013(d):
    with pytest.raises(SchemaError, match="E013"):
        Report.from_dict(d)


def test_json_that_is_not_a_report_is_e013():
    with pytest.raises(SchemaError, match="E013"):
        Report.from_json("{not json")


def test_raw_offsets_refuse_to_guess():
    r = Report(text="一般公共预算收入增长9.2%。")
    with pytest.raises(OffsetError, match="E012"):
        r.raw_offsets(0, 4)
    parsed = parse_report(r.text, indicators="none")
    with pytest.raises(OffsetError, match="E011"):
        parsed.raw_offsets(0, len(parsed.text) + 1)


def test_the_error_message_says_what_to_do_next(tmp_path):
    with pytest.raises(ReadError) as info:
        parse_report(tmp_path / "missing.txt")
    assert "pathlib.Path" in str(info.value) and str(info.value).startswith("[E001]")


def test_no_error_escapes_the_cli_as_a_traceback(tmp_path, capsys):
    from govnlp.cli import main

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 a damaged zip")
    assert main(["parse", str(tmp_path / "empty.txt"), str(tmp_path / "bad.docx")]) == 1
    err = capsys.readouterr().err
    assert "E003" in err and "E001" in err and "Traceback" not in err


def test_a_folder_or_device_is_not_read():
    with pytest.raises(ReadError, match="E009.*directory"):
        parse_report(path="/")
    if os.path.exists("/dev/zero"):
        with pytest.raises(ReadError, match="E009.*character device"):
            parse_report(path="/dev/zero")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ReadError) as info:
        parse_report(path=tmp_path / "pipe")
    assert str(info.value).startswith("[E009]") and "FIFO" in str(info.value)
    assert json.dumps(str(info.value))  # a plain, printable message
    assert govnlp.GovnlpError is GovnlpError
