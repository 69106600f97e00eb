"""Coded errors and warnings, one place (as spaCy's errors.py). Each message says what to do next.

Every failure a user can cause (a file that cannot be read, an input beyond the documented
limits, a bad lexicon, a missing or damaged model folder given explicitly, a Report dict of
another schema version) raises a subclass of :class:`GovnlpError` whose message starts with its
code. Each subclass also derives from the builtin exception it refines (``ReadError`` is an
``OSError``, ``LexiconError`` a ``ValueError`` ...) so older ``except`` clauses keep working.
"""
from __future__ import annotations


class GovnlpError(Exception):
    """Base class of every error govnlp raises on purpose."""


class ReadError(GovnlpError, OSError):
    """The source could not be read or decoded."""


class InputTooLargeError(ReadError):
    """The source is beyond a documented limit (characters, DOCX size, PDF pages)."""


class ModelNotFoundError(GovnlpError, FileNotFoundError):
    """A model folder is missing, incomplete or damaged."""


class LexiconError(GovnlpError, ValueError):
    """A slogan lexicon file is malformed."""


class LexiconNotFoundError(GovnlpError, FileNotFoundError):
    """A slogan lexicon file does not exist."""


class SchemaError(GovnlpError, ValueError):
    """A Report dict or JSON text that does not follow the schema."""


class OffsetError(GovnlpError, IndexError):
    """A text range outside ``Report.text``, or a raw-offset look-up without an offset map."""


class Errors:
    E001 = ("[E001] Cannot read {source!r}: {reason}. Pass pathlib.Path(...) or path=... naming an "
            "existing .txt/.html/.pdf/.docx file, a str of text, or bytes.")
    E002 = ("[E002] Could not decode {source!r} as any common Chinese encoding (tried {tried}). "
            "Re-save it as UTF-8, or pass encoding=... to parse_report().")
    E003 = "[E003] {source!r} is empty: there is no text to parse."
    E004 = ("[E004] Cannot extract text from PDF {source!r}: {reason}. If it is a scanned image, "
            "run OCR first and pass the text.")
    E005 = ("[E005] Unsupported source type {type}: pass a str of text, bytes, or a file as "
            "pathlib.Path(...) or path=....")
    E006 = "[E006] Unknown option {name}={value!r}; choose one of {choices}."
    E007 = ("[E007] Model folder {path!r} is missing or incomplete ({reason}). Re-create it with "
            "`{command}` or pass the folder explicitly.")
    E008 = ("[E008] {source!r} is too large: {what} is {n:,}, over the limit of {limit:,}. If the "
            "input is genuine, raise the limit with {knob}.")
    E009 = ("[E009] {source!r} is not a regular file ({kind}); pass the path of a .txt/.html/.pdf/"
            ".docx file.")
    E010 = ("[E010] schema_version {version!r} is not {expected!r}; see docs/schema.md for "
            "migrations.")
    E011 = "[E011] range [{start}, {end}) is outside the text (0..{n})."
    E012 = ("[E012] This Report has no offset map back to the raw input (it was built by hand or "
            "from a dict without 'raw_map'); parse the source again to get raw offsets.")
    E013 = "[E013] Not a Report: {reason}. Pass the dict made by Report.to_dict()."
    E014 = "[E014] Cannot give both a source and path=...; pass one of them."
    E020 = ("[E020] Slogan lexicon {origin!r} line {no} is not a valid entry ({reason}). Each line "
            "must be a JSON object with at least 'text' (see govnlp/data/slogans.jsonl).")
    E021 = ("[E021] Slogan lexicon {path!r} cannot be read ({reason}); pass the path of a UTF-8 "
            "JSONL file with one slogan per line (see govnlp/data/slogans.jsonl).")
    E030 = ("[E030] Annotation file {path!r}: {reason}. Pass a Label Studio JSON export, doccano JSONL "
            "(entities and relations) or benchmark-format JSONL (docs/annotation.md).")


class Warnings:
    W001 = "[W001] {n} line(s) look like mojibake (wrongly decoded text) and were set aside: {sample}"
    W002 = "[W002] {n} stretch(es) of page chrome (navigation, footer, widgets) were set aside as boilerplate: {sample}"
    W003 = "[W003] Decoded with {encoding} (confidence {confidence:.2f}); {n} undecodable byte(s) replaced with U+FFFD."
    W004 = "[W004] {n} replacement character(s) U+FFFD in the input: some text could not be read."
    W005 = "[W005] Traditional script converted to simplified (OpenCC t2s)."
    W006 = "[W006] {n} pinyin gloss(es) such as 區(qū) removed."
    W007 = "[W007] Control or private-use characters removed: {n}."
    W008 = "[W008] The indicator model could not be loaded ({reason}); indicators come from the rules only."
    W009 = "[W009] The section classifier could not be loaded ({reason}); sections labelled by heading keywords only."
    W010 = ("[W010] {n} lone surrogate code point(s) (broken UTF-16, e.g. from surrogateescape) "
            "replaced with U+FFFD.")
    W011 = ("[W011] The text {text!r} looks like a file name but a str is parsed as text; pass "
            "pathlib.Path({text!r}) or path={text!r} to read the file.")
    W012 = ("[W012] {n} number(s) look garbled (digits fused where punctuation was lost, a unit that "
            "does not fit the indicator's name, or a value too large to be a float): {sample}. They are "
            "kept as read (overflowing values are dropped); check the source text there.")
