"""Every read of a file argument is bounded, whatever the file is (issue 20: a file whose
size reads as 0 — ``/dev/urandom``, ``/dev/stdin``, a FIFO — was read whole, and ``rasd
analyze /dev/urandom`` was OOM-killed at 23.9 GB); UTF-16 without a byte-order mark is text.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.errors import BinaryInput, TooLarge
from rasd.ingest import iter_documents
from rasd.ingest.dispatch import read_bounded
from rasd.ingest.text import decode_bytes

ARTICLE = (
    "أعلنت وزارة الصحة في غزة، مساء الأحد، ارتفاع عدد الضحايا إلى 35 شخصاً.\n\n"
    "وقال المتحدث باسم الوزارة إن الطواقم الطبية تعمل في ظروف صعبة (تقرير 2024)."
)


class CountingStream(io.RawIOBase):
    """An endless stream that counts the bytes handed out."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        n = len(b)
        b[:n] = b"a" * n
        self.given += n
        return n


def test_read_bounded_stops_just_past_the_limit() -> None:
    s = CountingStream()
    with pytest.raises(TooLarge, match=r"\[E103\]"):
        read_bounded(s, 3_000_000, "x")  # type: ignore[arg-type]
    assert 3_000_000 < s.given <= 3_000_001  # never read beyond limit + 1
    assert read_bounded(io.BytesIO(b"abc"), 3, "x") == b"abc"


@pytest.mark.skipif(not Path("/dev/urandom").exists(), reason="no /dev/urandom")
def test_dev_urandom_ends_at_once_with_e103() -> None:
    items = list(iter_documents("/dev/urandom", max_bytes=200_000))
    assert len(items) == 1 and items[0].error and items[0].error.startswith("[E103]")
    from rasd.cli.analyze import analyze

    r = CliRunner().invoke(analyze, ["/dev/urandom"])
    assert r.exit_code == 2 and "[E103]" in r.output, r.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_is_read_once_and_bounded(tmp_path: Path) -> None:
    def feed(path: Path, data: bytes) -> threading.Thread:
        def run() -> None:
            with contextlib.suppress(BrokenPipeError), path.open("wb") as fh:
                fh.write(data)  # a broken pipe: the reader stopped at its limit

        t = threading.Thread(target=run, daemon=True)
        t.start()
        return t

    small = tmp_path / "article.fifo"
    os.mkfifo(small)
    t = feed(small, ARTICLE.encode())
    items = list(iter_documents(str(small)))
    t.join(10)
    assert len(items) == 1 and items[0].document is not None
    assert items[0].document.text == ARTICLE  # sniffing did not eat the first bytes

    big = tmp_path / "big.fifo"
    os.mkfifo(big)
    t = feed(big, ARTICLE.encode() * 2000)  # ~300 KB through a pipe
    items = list(iter_documents(str(big), max_bytes=50_000))
    assert len(items) == 1 and items[0].error and items[0].error.startswith("[E103]")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec: str) -> None:
    dec = decode_bytes(ARTICLE.encode(codec))
    assert dec.text == ARTICLE and dec.encoding == codec
    assert dec.charset_from == "utf16-pattern"


def test_binary_stays_binary() -> None:
    rng = __import__("random").Random(5)
    noise = bytes(rng.randrange(256) for _ in range(8192))
    for data in (noise, b"abc\x00def" * 4, b"\x00" * 64, b"PK\x03\x04" + noise):
        with pytest.raises(BinaryInput):
            decode_bytes(data)
