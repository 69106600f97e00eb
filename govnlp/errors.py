"""Coded errors and warnings, one place (as spaCy's errors.py). Each message says what to do next."""
from __future__ import annotations


class GovnlpError(Exception):
    """Base class of every error govnlp raises on purpose."""


class ReadError(GovnlpError, OSError):
    """The source could not be read or decoded."""


class ModelNotFoundError(GovnlpError, FileNotFoundError):
    """A model folder is missing or incomplete."""


class Errors:
    E001 = "[E001] Cannot read {source!r}: {reason}. Pass a path to an existing .txt/.html/.pdf file, a str or bytes."
    E002 = ("[E002] Could not decode {source!r} as any common Chinese encoding (tried {tried}). "
            "Re-save it as UTF-8, or pass encoding=... to parse_report().")
    E003 = "[E003] {source!r} is empty: there is no text to parse."
    E004 = ("[E004] Cannot extract text from PDF {source!r}: {reason}. If it is a scanned image, "
            "run OCR first and pass the text.")
    E005 = "[E005] Unsupported source type {type}: pass str (text or path), pathlib.Path or bytes."
    E006 = "[E006] Unknown option {name}={value!r}; choose one of {choices}."
    E007 = ("[E007] Model folder {path!r} is missing or incomplete ({reason}). Re-create it with "
            "`{command}` or pass the folder explicitly.")


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
