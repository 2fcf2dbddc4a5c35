"""Bytes → text: encoding detection that gets Arabic web encodings right.

Order (numbered so the document records which step decided):
1. a UTF-8/UTF-16 byte-order mark;
2. strict UTF-8 (most of today's web);
3. charset-normalizer's detection, preferring windows-1256 / ISO-8859-6 for Arabic bytes;
4. windows-1256 as the last resort for Arabic sites.
Binary input (NUL bytes, no decodable text) and empty input are refused with clear errors.
"""

from __future__ import annotations

import codecs

from rasd.errors import BinaryInput, DecodeError, EmptyInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, source: str | None = None, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``.  Raises :class:`~rasd.errors.InputError` subclasses."""
    if not data.strip():
        raise EmptyInput("empty input", source=source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if b"\x00" in data[:4096]:
        raise BinaryInput("binary data (NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "utf_8", "cp1252"]).best()
    if best is not None and best.encoding in ("cp1256", "iso8859_6"):
        return str(best), "windows-1256" if best.encoding == "cp1256" else "iso-8859-6"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as e:
        raise DecodeError(f"cannot decode text ({e.reason})", source=source) from e
    if _looks_binary(text):
        raise BinaryInput("binary data, not text", source=source)
    return text, "windows-1256"


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return ctrl > len(sample) * 0.05
