"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary data is refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from tasks.ingest.rejection import InputRejected

_CONTROL = bytes([*range(0, 9), 11, *range(14, 32)])


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # counted in C: a page is 8 KB of bytes
    return controls > max(8, len(sample) // 100)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding); raise InputRejected for empty, binary or undecodable bytes. A charset the
    container declares (an HTTP header) is tried before UTF-8 and detection."""
    if not data.strip():
        raise InputRejected("empty", "the file is empty or only white space; nothing to ingest")
    for bom, encoding in _BOMS:  # UTF-16/32 are full of NUL bytes: a byte order mark says they are text
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputRejected("undecodable", f"the bytes start like {encoding} but do not decode") from None
    if _looks_binary(data[:8192]):
        raise InputRejected("binary", "the file holds binary data (NUL or control bytes), not text")
    if declared:
        try:
            name = codecs.lookup(declared).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise InputRejected("undecodable", "the bytes are not UTF-8 and no other text encoding fits; re-save as UTF-8")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise InputRejected(
            "undecodable", f"the bytes do not decode as {best.encoding}; re-save the file as UTF-8"
        ) from None
