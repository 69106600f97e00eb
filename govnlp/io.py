"""Reading a source (path, str or bytes; txt/HTML/PDF/DOCX) into decoded text.

Encodings are detected, not guessed: a BOM wins, then strict UTF-8, then charset-normalizer
restricted to the encodings Chinese documents come in, with a check that the winner decodes
into plausible Chinese. A file that cannot be read raises :class:`~govnlp.errors.ReadError`.
"""
from __future__ import annotations

import codecs
import io as _io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from .errors import Errors, ReadError, Warnings

CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be")
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass
class Decoded:
    """Decoded text of a source plus what happened while reading it."""

    text: str
    encoding: Optional[str] = None
    name: str = "<text>"
    warnings: list[str] = field(default_factory=list)


def read_source(source: Union[str, os.PathLike, bytes, bytearray], encoding: Optional[str] = None) -> Decoded:
    """Read a path, raw text or bytes into :class:`Decoded` text."""
    if isinstance(source, (bytes, bytearray)):
        return _from_bytes(bytes(source), "<bytes>", None, encoding)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        if not path.exists():
            raise ReadError(Errors.E001.format(source=str(source), reason="no such file"))
        if path.is_dir():
            raise ReadError(Errors.E001.format(source=str(source), reason="it is a directory"))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(Errors.E001.format(source=str(source), reason=exc.strerror or str(exc))) from exc
        return _from_bytes(data, str(path), path.suffix.lower(), encoding)
    if isinstance(source, str):
        if not source.strip():
            raise ReadError(Errors.E003.format(source="<text>"))
        if _sniff_html(source):
            return Decoded(html_to_text(source), None, "<text>")
        return Decoded(source, None, "<text>")
    raise ReadError(Errors.E005.format(type=type(source).__name__))


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 1024:
        return False
    if os.path.exists(s):
        return True
    # a short string ending with a file suffix is meant as a path: fail clearly if missing
    return bool(re.fullmatch(r"[^\n]{1,1000}\.(txt|html?|shtml|pdf|docx)", s, flags=re.I)) and not re.search(
        r"[\u4e00-\u9fff]{20,}", s)


def _from_bytes(data: bytes, name: str, suffix: Optional[str], encoding: Optional[str]) -> Decoded:
    if not data.strip():
        raise ReadError(Errors.E003.format(source=name))
    if data[:5] == b"%PDF-" or suffix == ".pdf":
        return Decoded(pdf_to_text(data, name), None, name)
    if data[:2] == b"PK" and (suffix in (None, ".docx")):
        return Decoded(docx_to_text(data, name), None, name)
    decoded = decode_bytes(data, name, encoding)
    if suffix in HTML_SUFFIXES or _sniff_html(decoded.text):
        decoded.text = html_to_text(decoded.text)
    return decoded


def decode_bytes(data: bytes, name: str = "<bytes>", encoding: Optional[str] = None) -> Decoded:
    """Decode bytes in UTF-8 (with or without BOM), UTF-16, GB18030/GBK/GB2312 or Big5."""
    warnings: list[str] = []
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding, name)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError(Errors.E002.format(source=name, tried=encoding)) from exc
    for bom, enc in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
                     (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc, name, _replacement_warning(data, enc))
    if _looks_utf16(data):
        enc = "utf_16_le" if data[1::2].count(0) > data[0::2].count(0) else "utf_16_be"
        return Decoded(data.decode(enc, errors="replace"), enc, name, _replacement_warning(data, enc))
    try:
        return Decoded(data.decode("utf_8"), "utf_8", name)
    except UnicodeDecodeError:
        pass

    best: Optional[tuple[float, str, str]] = None
    for enc in _detector_order(data):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _chinese_plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is not None and best[0] > 0.5:
        return Decoded(best[2], best[1], name)
    # nothing decodes cleanly: take the most plausible lossy decoding and say so
    lossy = []
    for enc in ("utf_8", "gb18030", "big5"):
        text = data.decode(enc, errors="replace")
        lossy.append((_chinese_plausibility(text) - text.count("\ufffd") / max(len(text), 1), enc, text))
    score, enc, text = max(lossy)
    bad = text.count("\ufffd")
    if score < 0.2 or bad > 0.2 * len(text):
        raise ReadError(Errors.E002.format(source=name, tried=", ".join(CANDIDATE_ENCODINGS)))
    warnings.append(Warnings.W003.format(encoding=enc, confidence=max(score, 0.0), n=bad))
    return Decoded(text, enc, name, warnings)


def _detector_order(data: bytes) -> list[str]:
    """Candidate encodings, charset-normalizer's favourite first."""
    order = ["gb18030", "big5"]
    try:
        from charset_normalizer import from_bytes

        result = from_bytes(data[:200000], cp_isolation=["gb18030", "big5", "utf_8", "utf_16"]).best()
        if result is not None and result.encoding:
            enc = codecs.lookup(result.encoding).name
            order = [enc] + [e for e in order if codecs.lookup(e).name != enc]
    except Exception:  # detector problems must not stop reading: the plausibility check decides
        pass
    return order


_COMMON_SIMPLIFIED = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府走确复备达完思织史住济府")


def _chinese_plausibility(text: str) -> float:
    """Share of CJK characters that are very common ones (mis-decodings score low)."""
    sample = text[:20000]
    cjk = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if len(cjk) < 10:
        printable = sum(c.isprintable() or c in "\n\r\t" for c in sample)
        return 0.6 * printable / max(len(sample), 1)
    common = sum(c in _COMMON_SIMPLIFIED or c in _COMMON_TRADITIONAL for c in cjk)
    return min(1.0, 3.0 * common / len(cjk))


_COMMON_TRADITIONAL = set("們這個來會對說為時國經過發動問進還關於與產業學開區長門頁點擊報告議員負責務實際現場後體總達標導設計劃強聯網")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4000]
    # UTF-16 text with ASCII digits or punctuation has NUL bytes on one side of the pairs
    return len(sample) >= 4 and sample.count(0) > len(sample) * 0.05 and (
        sample[1::2].count(0) > 3 * max(1, sample[0::2].count(0)) or sample[0::2].count(0) > 3 * max(1, sample[1::2].count(0)))


def _replacement_warning(data: bytes, enc: str) -> list[str]:
    text = data.decode(enc, errors="replace")
    bad = text.count("\ufffd")
    return [Warnings.W003.format(encoding=enc, confidence=1.0, n=bad)] if bad else []


def _sniff_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head) or (
        head.count("<p>") + head.count("<div") + head.count("<br") >= 3)


_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "table", "ul", "ol", "title", "header", "footer", "nav", "dd", "dt")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block element per line (chrome is kept for normalize)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "svg"]):
        tag.decompose()
    for tag in soup.find_all("img"):
        tag.replace_with("\n图片\n" if not tag.get("alt") else f"\n{tag.get('alt')}\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" | ")
    text = soup.get_text()
    return re.sub(r"\n[ \t\u3000\xa0]*\n(\s*\n)+", "\n\n", text).strip()


def pdf_to_text(data: bytes, name: str = "<pdf>") -> str:
    """Text of a PDF, page by page (page furniture is left for normalize to set aside)."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(_io.BytesIO(data))
        pages = [(page.extract_text() or "") for page in reader.pages]
    except Exception as exc:
        raise ReadError(Errors.E004.format(source=name, reason=str(exc) or type(exc).__name__)) from exc
    text = "\n".join(pages)
    if not text.strip():
        raise ReadError(Errors.E004.format(source=name, reason="no text layer"))
    return text


def docx_to_text(data: bytes, name: str = "<docx>") -> str:
    """Paragraph text of a .docx file (read from its XML; no extra dependency)."""
    import zipfile

    try:
        with zipfile.ZipFile(_io.BytesIO(data)) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
    except Exception as exc:
        raise ReadError(Errors.E001.format(source=name, reason=f"not a readable .docx ({exc})")) from exc
    paras = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        paras.append("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)))
    import html as _html

    return _html.unescape("\n".join(paras))
