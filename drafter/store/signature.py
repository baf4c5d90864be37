"""MinHash signatures of documents, for rank's shortlist: which plans share the most text with a draft.

A document's shingles are the 5-character runs of its paragraphs' words — punctuation and blanks
dropped, full-width letters and digits folded (`words_only`), so the unimportant differences of a
comparison do not count —, hashed to 32 bits; a fixed quarter of them
(those whose hash is 0 mod 4) is kept, which keeps the Jaccard estimate unbiased at a quarter of
the cost. The signature is datasketch's MinHash over those hashes — its default "affine32"
scheme, the same permutations (seed 1) and arithmetic, computed here with numpy directly because
importing datasketch pulls in scipy (~1 s, more than rank's whole budget); a test checks that the
two agree bit for bit. The share of equal slots of two signatures estimates their Jaccard
similarity.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# numpy's BLAS starts a thread (with its buffers) per core on import; nothing here needs BLAS.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

NUM_PERM = 128
SHINGLE = 5
SAMPLE = 4  # keep shingles whose hash is 0 mod SAMPLE
SEED = 1
_MAX_HASH = (1 << 32) - 1
_NOT_WORD = re.compile(r"(?:[^\w\x00]|_)+")  # \x00 separates paragraphs
_FULL_WIDTH_WORD = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def words_only(text: str) -> str:
    """`text` as shingles see it: ＡＢＣ１２３ → ABC123, no punctuation, no blanks (what `\\w` keeps,
    but `_`; `\\x00` stays: it separates paragraphs). Vectorised: a regex takes ~10× longer on
    a plan's text."""
    if len(text) < 64:
        if _FULL_WIDTH_WORD.search(text):
            text = text.translate(_FULL_WIDTH)
        return _NOT_WORD.sub("", text)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    full = (codes >= 0xFF01) & (codes < 0xFF5F)
    if full.any():
        codes = np.where(full, codes - np.uint32(0xFEE0), codes)
    keep = _is_word()[np.minimum(codes, np.uint32(0xFFFF))]
    wide = np.flatnonzero(codes > 0xFFFF)  # beyond the BMP (rare): asked one by one
    keep[wide] = [chr(c).isalnum() for c in codes[wide].tolist()]
    return codes[keep].tobytes().decode("utf-32-le")


@lru_cache(maxsize=1)
def _is_word() -> np.ndarray:
    """For every BMP code point: does `words_only` keep it (`\\w` but `_`, and `\\x00`)."""
    import numpy as np

    table = np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)
    table[0] = True
    table[ord("_")] = False
    return table


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 (a, b) for NUM_PERM permutations with seed SEED (a odd: a bijection)."""
    import numpy as np

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def shingle_hashes(paragraphs: list[str]) -> np.ndarray:
    """The kept 32-bit shingle hashes of the paragraphs' words (`words_only`), repeats included
    (a MinHash does not count them); no shingle spans two paragraphs."""
    import numpy as np

    codes = np.frombuffer(words_only("\0".join(paragraphs)).encode("utf-32-le"), dtype=np.uint32)
    if len(codes) < SHINGLE:
        return np.zeros(0, dtype=np.uint32)
    breaks = np.concatenate(([0], np.cumsum(codes == 0)))
    whole = breaks[SHINGLE:] == breaks[: len(codes) - SHINGLE + 1]  # windows without a separator
    hashes = _hashes(codes)[whole]
    return hashes[hashes % np.uint32(SAMPLE) == 0]


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (datasketch's pre-mix), in place: `h` is the caller's own
    uint32 array (temporaries for each step cost more than the arithmetic)."""
    import numpy as np

    with np.errstate(over="ignore"):
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
    return h


def _hashes(codes: np.ndarray) -> np.ndarray:
    """A 32-bit hash of every SHINGLE-character window: polynomial in the code points, mixed."""
    import numpy as np

    n = len(codes) - SHINGLE + 1
    h = codes[:n].copy()
    with np.errstate(over="ignore"):
        for k in range(1, SHINGLE):
            h *= np.uint32(1_000_003)
            h += codes[k : k + n]
    return _fmix(h)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """datasketch.MinHash(num_perm=NUM_PERM, seed=SEED) (affine32) updated with `hashes`."""
    import numpy as np

    out = np.full(NUM_PERM, _MAX_HASH, dtype=np.uint32)
    if len(hashes) == 0:
        return out
    a, b = _permutations()
    mixed = _fmix(hashes.astype(np.uint32))  # astype copies: the caller's array is left alone
    chunk = (1 << 20) // NUM_PERM  # bound the (chunk × NUM_PERM) buffer to 4 MB
    # One buffer, computed in place: `part * a + b` made two temporaries a chunk (3× slower).
    buffer = np.empty((min(chunk, len(mixed)), NUM_PERM), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for start in range(0, len(mixed), chunk):
            part = mixed[start : start + chunk]
            phv = buffer[: len(part)]
            np.multiply(part[:, None], a, out=phv)
            phv += b
            np.minimum(out, phv.min(axis=0), out=out)
    return out


def signature(paragraphs: list[str]) -> bytes:
    """The stored form: NUM_PERM little-endian uint32 of the paragraphs' MinHash."""
    return minhash(shingle_hashes(paragraphs)).astype("<u4").tobytes()


def estimate(query: bytes, ids: list[int], matrix: bytes) -> np.ndarray:
    """Estimated Jaccard similarity of `query` with each row of `matrix` (ids in the same order)."""
    import numpy as np

    if not ids:
        return np.zeros(0)
    rows = np.frombuffer(matrix, dtype="<u4").reshape(len(ids), NUM_PERM)
    return (rows == np.frombuffer(query, dtype="<u4")).mean(axis=1)
