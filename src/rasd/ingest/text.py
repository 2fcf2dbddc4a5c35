"""Bytes → text: encoding detection that gets Arabic web encodings right.

Order (the step that decided is recorded in ``meta.extraction.charset_from``):

1. ``bom`` — a UTF-8/UTF-16 byte-order mark (the mark itself is dropped);
   ``utf16-pattern`` — UTF-16 without a mark (Windows tools write it): NUL bytes on one
   parity only, the high bytes of ASCII spaces, digits and punctuation;
2. ``utf-8`` — strict UTF-8 (today's web; windows-1256 Arabic bytes practically never form
   valid UTF-8 sequences, so this test is safe to run before any declaration);
3. ``http-header`` / ``html-meta`` — the charset the server or the page declares;
4. ``utf-8-repaired`` — text that is UTF-8 except for a few stray bytes (a truncated download,
   a bad copy): decoded with U+FFFD replacements and a warning instead of being misread whole;
5. ``detected`` — charset-normalizer, restricted to the encodings Arabic sites actually use;
6. ``fallback`` — windows-1256, the historical default of Arabic sites.

Binary input (NUL bytes, file signatures, control-character soup) and empty input are refused
with coded one-line errors (:mod:`rasd.errors`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from rasd.errors import BinaryInput, DecodeError, EmptyInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Signatures of common binary formats that end up in news folders by mistake.
_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)

#: Share of undecodable UTF-8 sequences (per non-ASCII byte) still treated as damaged UTF-8.
_REPAIR_MAX_BAD = 0.02


@dataclass
class Decoded:
    """Decoded text plus how it was decoded, so the document can say how far to trust it."""

    text: str
    encoding: str
    charset_from: str
    warnings: list[str] = field(default_factory=list)


def charset_from_header(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP ``Content-Type`` header, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB: ``<meta charset>``, http-equiv, or the
    XML declaration of an XHTML page."""
    m = _META_CHARSET.search(data[:4096]) or _XML_ENCODING.search(data[:200])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(name: str | None) -> str | None:
    """Python codec name for a declared charset, or ``None`` when unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """Cheap test on the first 4 KB: file signatures, NUL bytes or many control bytes."""
    head = data[:4096]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > max(8, len(head) // 50)


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when ``data`` is UTF-16 text without a byte-order mark, else None.

    Every UTF-16 text has ASCII spaces, newlines, digits or punctuation, whose code units
    have a zero high byte: NUL bytes then sit on one parity (odd offsets: little endian)
    and almost never on the other.  Random or binary data has as few NULs on both parities;
    UTF-8 and the 8-bit encodings have none.  The candidate must also decode strictly and
    not look like binary once decoded.
    """
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 8 or len(data) % 2:
        return None
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    for codec, hi, lo in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if hi >= max(4, pairs // 20) and lo <= pairs // 200:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            sample = text[:2048]
            ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
            if ctrl <= len(sample) // 100 and "\x00" not in sample:
                return text, codec
            return None
    return None


def decode_bytes(
    data: bytes,
    source: str | None = None,
    *,
    http_charset: str | None = None,
    html: bool = False,
) -> Decoded:
    """Decode ``data`` (see the module docstring for the order).  Raises ``InputError``s."""
    if not data.strip():
        raise EmptyInput("empty input", source=source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc.replace("-sig", ""), "bom")
            except UnicodeDecodeError as e:
                raise DecodeError(f"bad {enc} text after its byte-order mark", source=source) from e
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(utf16[0], utf16[1], "utf16-pattern")
    if looks_binary(data):
        raise BinaryInput("binary data, not text", source=source)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    declared = [("http-header", _codec(http_charset))]
    if html:
        declared.append(("html-meta", _codec(sniff_meta_charset(data))))
    for how, codec in declared:
        if codec and codec != "utf-8":
            try:
                return Decoded(data.decode(codec), codec, how)
            except UnicodeDecodeError:
                pass
    repaired = _repair_utf8(data)
    if repaired is not None:
        return repaired
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "utf_8", "cp1252"]).best()
    if best is not None and best.encoding in ("cp1256", "iso8859_6", "cp1252"):
        return Decoded(str(best), best.encoding, "detected")
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as e:  # pragma: no cover - cp1256 maps every byte today
        raise DecodeError(f"cannot decode text ({e.reason})", source=source) from e
    return Decoded(text, "cp1256", "fallback")


def _repair_utf8(data: bytes) -> Decoded | None:
    """Decode nearly-valid UTF-8 with replacements; ``None`` when it is another encoding."""
    non_ascii = sum(1 for b in data if b >= 0x80)
    if not non_ascii:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > non_ascii * _REPAIR_MAX_BAD:
        return None
    return Decoded(
        text,
        "utf-8",
        "utf-8-repaired",
        [f"[W102] {bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD"],
    )


def decode(data: bytes, source: str | None = None, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` — the short form of :func:`decode_bytes`."""
    d = decode_bytes(data, source, http_charset=declared)
    return d.text, d.encoding
