"""Near-duplicate detection: MinHash (datasketch) over folded word shingles, LSH in SQL.

Why the bands live in a table instead of datasketch's in-memory ``MinHashLSH``: the index must
survive restarts and be shared by every process writing to the archive (SQLite or
PostgreSQL), and a ``(band, hash)`` B-tree lookup is what LSH needs.  Signatures are stored so
candidates are verified by estimated Jaccard similarity before being grouped.

Shingles are bigrams of folded *stems* (clitics dropped), so a rewrite that changes spelling,
diacritics, "و" prefixes or obfuscation still shares shingles with the original.  The threshold
is low on purpose: on the bundled samples an aggregator's rewrite of another outlet's article
scores 0.25-0.31 stem-bigram Jaccard, while different articles on the same event score at
most 0.08 — near-duplicate here means "the same story re-worded", not only "copy + typo".
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 64  # 64 bands x 2 rows: a pair at Jaccard 0.25 shares >= 2 bands with p ~ 0.9
ROWS = NUM_PERM // BANDS
MIN_SHARED_BANDS = 2  # one shared band is too common among same-topic articles
THRESHOLD = 0.2  # estimated Jaccard of stem bigrams needed to call two texts near-duplicates
SHINGLE = 2
_SEED = 1


def shingles(terms: Sequence[str], k: int = SHINGLE) -> set[bytes]:
    if len(terms) < k:
        return {" ".join(terms).encode("utf-8")} if terms else set()
    return {" ".join(terms[i : i + k]).encode("utf-8") for i in range(len(terms) - k + 1)}


def signature(terms: Sequence[str]) -> np.ndarray | None:
    """MinHash hash values for the stem sequence, or None for texts too short to compare."""
    sh = shingles(terms)
    if len(sh) < 10:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint64)


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, signed 64-bit hash) pairs; signed so they fit BIGINT on every database."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].tobytes()
        h = struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0]
        out.append((b, h))
    return out


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a == b)) / float(len(a))
