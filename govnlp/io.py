"""Reading a source (text, bytes, or a file named by pathlib.Path / ``path=``) into decoded text.

What is read is only what was asked for: a ``str`` is always text (``"/etc/passwd"`` is eleven
characters of text), a :class:`pathlib.Path` (any ``os.PathLike``) or the keyword ``path=``
names a file. Only regular files are opened (never a FIFO, device or directory).

Encodings are detected, not guessed: a BOM wins, then strict UTF-8, then charset-normalizer
restricted to the encodings Chinese documents come in, with a check that the winner decodes
into plausible Chinese.

Every input is bounded (:data:`LIMITS`): characters of text, bytes of a file, the unpacked size
of a DOCX body and the pages of a PDF. Beyond a limit the reader raises
:class:`~govnlp.errors.InputTooLargeError` (E008) before doing the expensive work. Lone
surrogate code points (from ``surrogateescape`` or broken UTF-16) become U+FFFD one for one,
with warning W010, so offsets keep their meaning. Anything else that cannot be read raises
:class:`~govnlp.errors.ReadError`.
"""
from __future__ import annotations

import codecs
import io as _io
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional, Union

from .errors import Errors, InputTooLargeError, ReadError, Warnings

CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be")
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass(frozen=True)
class Limits:
    """Upper bounds on one input. A national work report is about 20k characters, a long
    provincial one with annexes under 100k; the defaults leave a wide margin."""

    #: characters of decoded text (str input, or what a file decodes to)
    max_chars: int = 2_000_000
    #: bytes of a file or bytes input (PDFs carry images, so this is well above 4 * max_chars)
    max_bytes: int = 256 * 2**20
    #: unpacked bytes of ``word/document.xml`` inside a DOCX (zip bombs stop here)
    max_docx_xml_bytes: int = 64 * 2**20
    #: pages of a PDF
    max_pdf_pages: int = 2_000


#: the limits in force; parse_report(max_chars=...) overrides ``max_chars`` for one call
LIMITS = Limits()
_KNOB = "parse_report(max_chars=...)"


def _knob(name: str) -> str:
    return f"govnlp.io.LIMITS = dataclasses.replace(govnlp.io.LIMITS, {name}=...)"

Source = Union[str, os.PathLike, bytes, bytearray]


@dataclass
class Decoded:
    """Decoded text of a source plus what happened while reading it."""

    text: str
    encoding: Optional[str] = None
    name: str = "<text>"
    warnings: list[str] = field(default_factory=list)


def read_source(source: Optional[Source] = None, encoding: Optional[str] = None, *,
                path: Union[str, os.PathLike, None] = None, max_chars: Optional[int] = None) -> Decoded:
    """Read text, bytes or a file into :class:`Decoded` text.

    ``source`` is a ``str`` of text, ``bytes`` in any common Chinese encoding, or a file as
    ``pathlib.Path``; ``path=`` names a file as a str or Path. ``max_chars`` overrides
    ``LIMITS.max_chars`` for this call.
    """
    limits = LIMITS if max_chars is None else replace(LIMITS, max_chars=int(max_chars))
    if path is not None:
        if source is not None:
            raise ReadError(Errors.E014)
        try:
            file = Path(os.fsdecode(path))
        except TypeError as exc:
            raise ReadError(Errors.E005.format(type=type(path).__name__)) from exc
        return _from_file(file, encoding, limits)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _from_bytes(bytes(source), "<bytes>", None, encoding, limits)
    if isinstance(source, os.PathLike):
        return _from_file(Path(os.fsdecode(source)), encoding, limits)
    if isinstance(source, str):
        text, warnings = clean_text(source, "<text>", limits.max_chars)
        if looks_like_file_name(text):
            warnings.append(Warnings.W011.format(text=text.strip()))
        if _sniff_html(text):
            text = html_to_text(text)
        if not text.strip():
            raise ReadError(Errors.E003.format(source="<text>"))
        return Decoded(text, None, "<text>", warnings)
    raise ReadError(Errors.E005.format(type=type(source).__name__))


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str, name: str = "<text>", max_chars: Optional[int] = None) -> tuple[str, list[str]]:
    """Check a str at the door: refuse one longer than ``max_chars`` (E008) and replace each
    lone surrogate with U+FFFD (one for one, so offsets are kept), with warning W010."""
    limit = LIMITS.max_chars if max_chars is None else max_chars
    if len(text) > limit:
        raise InputTooLargeError(Errors.E008.format(source=name, what="the text length in characters",
                                                    n=len(text), limit=limit, knob=_KNOB))
    warnings: list[str] = []
    if _SURROGATE.search(text):
        text, n = _SURROGATE.subn("\ufffd", text)
        warnings.append(Warnings.W010.format(n=n))
    return text, warnings


_FILE_NAME = re.compile(r"[^\s<>|\"'，。；：！？、]{0,255}\.(?:txt|text|html?|shtml|xhtml|pdf|docx?|md)", re.I)


def looks_like_file_name(text: str) -> bool:
    """True for a short one-line str such as ``reports/2020.txt`` (parsed as text: W011)."""
    t = text.strip()
    return len(t) <= 260 and _FILE_NAME.fullmatch(t) is not None


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO/pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _from_file(path: Path, encoding: Optional[str], limits: Limits) -> Decoded:
    """Bytes of a regular file. Opened non-blocking, so a FIFO cannot stall the call, and
    checked with fstat on the open descriptor before a byte is read."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise ReadError(Errors.E001.format(source=name, reason="no such file")) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL inside the name
        raise ReadError(Errors.E001.format(source=name, reason=getattr(exc, "strerror", None) or str(exc))) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((k for test, k in _KINDS if test(st.st_mode)), "not a regular file")
            raise ReadError(Errors.E009.format(source=name, kind=kind))
        if st.st_size > limits.max_bytes:
            raise InputTooLargeError(Errors.E008.format(source=name, what="the file size in bytes",
                                                        n=st.st_size, limit=limits.max_bytes, knob=_knob("max_bytes")))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        if isinstance(exc, ReadError):
            raise
        raise ReadError(Errors.E001.format(source=name, reason=exc.strerror or str(exc))) from exc
    finally:
        os.close(fd)
    return _from_bytes(data, name, path.suffix.lower(), encoding, limits)


def _from_bytes(data: bytes, name: str, suffix: Optional[str], encoding: Optional[str],
                limits: Optional[Limits] = None) -> Decoded:
    limits = limits or LIMITS
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(Errors.E008.format(source=name, what="the size in bytes", n=len(data),
                                                    limit=limits.max_bytes, knob=_knob("max_bytes")))
    if not data.strip():
        raise ReadError(Errors.E003.format(source=name))
    if data[:5] == b"%PDF-" or suffix == ".pdf":
        decoded = Decoded(pdf_to_text(data, name, limits), None, name)
    elif data[:2] == b"PK" and suffix in (None, ".docx"):
        decoded = Decoded(docx_to_text(data, name, limits), None, name)
    else:
        if len(data) > 4 * limits.max_chars:  # no encoding we read needs more than 4 bytes a character
            raise InputTooLargeError(Errors.E008.format(source=name, what="the size in bytes", n=len(data),
                                                        limit=4 * limits.max_chars, knob=_KNOB))
        decoded = decode_bytes(data, name, encoding)
    decoded.text, more = clean_text(decoded.text, name, limits.max_chars)
    decoded.warnings.extend(more)
    if suffix in HTML_SUFFIXES or (suffix not in (".pdf", ".docx") and _sniff_html(decoded.text)):
        decoded.text = html_to_text(decoded.text)
    if not decoded.text.strip():
        raise ReadError(Errors.E003.format(source=name))
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


_BLOCK_TAGS = frozenset(("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                         "article", "table", "ul", "ol", "title", "header", "footer", "nav", "dd", "dt"))
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head-script"))
# characters lxml refuses in a str (XML 1.0 forbids them); they carry no text
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block element per line (chrome is kept for normalize).

    One pass over the parsed tree (``lxml.etree.iterwalk``), no tree surgery: a block element
    starts and ends a line, a table cell is followed by `` | ``, an image becomes its alt text
    (or 图片) on its own line; scripts, styles and comments are skipped. Runs of blank lines
    collapse to one.
    """
    from lxml import etree
    from lxml import html as lxml_html

    cleaned = _XML_ILLEGAL.sub(" ", html)
    try:
        root = lxml_html.document_fromstring(cleaned)
    except (etree.ParserError, ValueError):  # nothing but markup, or a document lxml cannot use
        return ""
    parts: list[str] = []
    _open_element(root, parts)
    stack = [(root, iter(root))]
    while stack:  # depth-first with an explicit stack: deep nesting cannot overflow
        el, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            _close_element(el, parts)
            if stack and el.tail:
                parts.append(el.tail)
            continue
        name = child.tag.lower() if isinstance(child.tag, str) else None  # comments, PIs: no name
        if name is None or name in _SKIP_TAGS:
            if child.tail:
                parts.append(child.tail)
            continue
        _open_element(child, parts)
        stack.append((child, iter(child)))
    return _collapse_blank_lines("".join(parts))


def _open_element(el, parts: list[str]) -> None:
    name = el.tag.lower()
    if name in _BLOCK_TAGS:
        parts.append("\n")
    if name == "img":
        alt = el.get("alt")
        parts.append(f"\n{alt}\n" if alt else "\n图片\n")
    elif el.text:
        parts.append(el.text)


def _close_element(el, parts: list[str]) -> None:
    name = el.tag.lower()
    if name in _BLOCK_TAGS:
        parts.append("\n")
    elif name in _CELL_TAGS:
        parts.append(" | ")


_BLANK = " \t\u3000\xa0\r"


def _collapse_blank_lines(text: str) -> str:
    """Two or more blank lines in a row become one empty line; a single blank line is kept
    as it is; the ends are stripped."""
    out: list[str] = []
    blanks: list[str] = []
    for line in text.split("\n"):
        if not line.strip(_BLANK):
            blanks.append(line)
            continue
        out.extend(blanks if len(blanks) < 2 else [""])
        blanks.clear()
        out.append(line)
    return "\n".join(out).strip()


def pdf_to_text(data: bytes, name: str = "<pdf>", limits: Optional[Limits] = None) -> str:
    """Text of a PDF, page by page (page furniture is left for normalize to set aside).

    More than ``limits.max_pdf_pages`` pages, or more text than ``limits.max_chars``, is E008.
    """
    limits = limits or LIMITS
    try:
        from pypdf import PdfReader

        reader = PdfReader(_io.BytesIO(data))
        n_pages = len(reader.pages)
    except Exception as exc:
        raise ReadError(Errors.E004.format(source=name, reason=str(exc)[:200] or type(exc).__name__)) from exc
    if n_pages > limits.max_pdf_pages:
        raise InputTooLargeError(Errors.E008.format(source=name, what="the number of PDF pages", n=n_pages,
                                                    limit=limits.max_pdf_pages, knob=_knob("max_pdf_pages")))
    pages, total = [], 0
    for i in range(n_pages):
        try:
            page_text = reader.pages[i].extract_text() or ""
        except RecursionError as exc:
            raise ReadError(Errors.E004.format(source=name, reason=f"page {i + 1} nests too deeply")) from exc
        except Exception as exc:
            raise ReadError(Errors.E004.format(source=name, reason=f"page {i + 1}: {str(exc)[:200] or type(exc).__name__}")) from exc
        total += len(page_text) + 1
        if total > limits.max_chars:
            raise InputTooLargeError(Errors.E008.format(source=name, what="the text length in characters",
                                                        n=total, limit=limits.max_chars, knob=_KNOB))
        pages.append(page_text)
    text = "\n".join(pages)
    if not text.strip():
        raise ReadError(Errors.E004.format(source=name, reason="no text layer"))
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_BREAKS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n"}


def docx_to_text(data: bytes, name: str = "<docx>", limits: Optional[Limits] = None) -> str:
    """Paragraph text of a .docx file, one paragraph per line.

    ``word/document.xml`` is streamed through an XML pull parser (``lxml.etree.iterparse``,
    entities and DTDs off) and each paragraph is freed once read, so memory stays flat. An
    unpacked body over ``limits.max_docx_xml_bytes`` or text over ``limits.max_chars`` is E008;
    a file that is not a well-formed DOCX is E001.
    """
    import zipfile

    from lxml import etree

    limits = limits or LIMITS

    def unreadable(reason: str) -> ReadError:
        return ReadError(Errors.E001.format(source=name, reason=f"not a readable .docx ({reason})"))

    try:
        zf = zipfile.ZipFile(_io.BytesIO(data))
        info = zf.getinfo("word/document.xml")
    except Exception as exc:  # BadZipFile, no word/document.xml, a damaged directory ...
        raise unreadable(f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    if info.file_size > limits.max_docx_xml_bytes:
        raise InputTooLargeError(Errors.E008.format(source=name, what="the unpacked size of word/document.xml",
                                                    n=info.file_size, limit=limits.max_docx_xml_bytes,
                                                    knob=_knob("max_docx_xml_bytes")))
    paras: list[str] = []
    buf: list[str] = []
    total = 0
    try:
        with zf, zf.open(info) as body:
            events = etree.iterparse(body, events=("end",), resolve_entities=False, no_network=True,
                                     load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
            for _event, el in events:
                tag = el.tag
                if tag == _W + "t":
                    if el.text:
                        buf.append(el.text)
                        total += len(el.text)
                elif tag in _DOCX_BREAKS:
                    buf.append(_DOCX_BREAKS[tag])
                    total += 1
                elif tag == _W + "p":
                    paras.append("".join(buf))
                    buf.clear()
                    total += 1
                    el.clear(keep_tail=False)
                    parent = el.getparent()
                    while parent is not None and el.getprevious() is not None:
                        del parent[0]  # drop finished paragraphs: memory stays flat
                if total > limits.max_chars:
                    raise InputTooLargeError(Errors.E008.format(
                        source=name, what="the text length in characters", n=total,
                        limit=limits.max_chars, knob=_KNOB))
    except InputTooLargeError:
        raise
    except Exception as exc:  # XMLSyntaxError, BadZipFile, zlib.error, a bad CRC ...: not readable
        raise unreadable(f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    if buf:
        paras.append("".join(buf))
    return "\n".join(paras)
