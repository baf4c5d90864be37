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

    # `str.isalnum` of every code point, in C (asking Python 65,536 times took ~10 ms a process).
    table = np.char.isalnum(np.arange(0x10000, dtype=np.uint32).view("U1"))
    table[0] = True
    table[ord("_")] = False
    return table


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 (a, b) for NUM_PERM permutations with seed SEED (a odd: a bijection):
    `RandomState(SEED)`'s draws, written out below — importing numpy.random to draw them again cost
    every `drafter rank` ~20 ms (a test checks the table against datasketch and numpy)."""
    import numpy as np

    a = np.frombuffer(bytes.fromhex(_PERMUTATION_A), dtype="<u4").astype(np.uint32)
    b = np.frombuffer(bytes.fromhex(_PERMUTATION_B), dtype="<u4").astype(np.uint32)
    return a, b


# RandomState(1): a = randint(0, 2**31, 128, uint32) * 2 + 1, then b = randint(0, 2**32, 128, uint32);
# little-endian uint32, in hex.
_PERMUTATION_A = (
    "4be883d5d7018ffe195fce70912878ddfffd0e00138799419755cb9a0b3d82ff9f96234b81a7e0782101472f03a10ccb"
    "997f5d5f8f3c9cc6db55edb0f9f3e8560d1b25cb33fafede65c9df1329aa4fb1fda9a0d6cb6265a02517d55ea993910c"
    "17f7ad68f9410ce3d59b98c139258b753bbf050e1db39e116584475789d4f2d3aff9a8d5afbf16ead3970c1ee38584dc"
    "efcbe047bd5bd5e0c18e6d65ad08898e1b31fb99d3af936e13fbbfef0f08039b7f2279a07b96832f2d1c7862734a4b09"
    "0314b6c001efe3ba79e209caa3f185a811ea8a2bb1c5c1a81bfdfe13e734cd8b5f03f456d51f551ef3e49bc191734f57"
    "3d845a328f48a62f076b9bd78d0be3572b7f70ea63dcd5d2730afb100764256589b73d6231564a94e3438ba157f8c348"
    "990c7d5f35980e91690e54aba14a38d3db145d09e7e67e1153ea1280a5db803f1f004cfa81d83e5289910f7f3360d498"
    "df5a968fc5bd6be4af6b1c940f4fba71350ada3433fd8f25d14c52e52d0840f0136e33d1877d3d31cf975496fd8886ce"
    "2f4a5793fbda2d3dc91a93423781b20c4b77ea0973a2d02aa754905b4dd96ed511855a6c414a26d245bbf587155e0d99"
    "2f7aaffb1f0d352bdf55521baf38bf2133bef2258f1f563ae701204bb90abfe99574b92d7d099f855dba466641a74776"
    "b12d65342f2920116f25ffd3834a5ee6e36a88639b4e72fc074e0fd40197c914"
)
_PERMUTATION_B = (
    "f8bfc90cfdd4f6c3cd81308906c79b0b3472eea9d5d1d423c6c5cf8302f6daca4cf6d0f1db0fa10795782896cb8214e2"
    "075945e74d18718ac88a31234bd4ae724c9da7232b0463e41432b1ce1e5ea9602426ce656733d68907a7542a2d0ffda6"
    "c43371ed399a7b5cf02e0759fc9d2d92d23835c0604049a30d01dbb90a2c5620175920e27c3fb1b051fba89f87e7d2a5"
    "79c33dc098c09b5aca665159dc3d63c394fe1945a0a9455b8ccc58e5c1bcb6c05e62976d3c9e9fe1e9c1fff698c0fc02"
    "524dd7a97313847f6173279f8208e412ecfd5f1ddca675c967ba11f362b766100a712d73b69ef55a60571194e9391cf1"
    "52a77b68d6c93a61c6ccad3cc2ba4ec347e143e7e73f87c5b0a8dc9236f6254d0f1cbc00853bd2c59135fd9daa682627"
    "14009f53765a2194b047ed8616594e02e519cde28dcf83b5f107765b72ea7b7861c295e8b556bcc35487949f0a0ca777"
    "60dc0c04b740dd443d99efed38cee9d4d99edeb095a1238de78c50ff60dcf011f9811e2cd31ff47819541b23f1d525be"
    "8e93beee8d082431d4ac62b2741edd762b63e510860ef93acd0666c1b8821c82bb07fec08fbb643518564becfb339f0c"
    "897c26b6c221d484c738d01f356f1a2c45dd1605a4c9746565c3b506f84a7c1b15183f0728ed82824db0073fdb88251a"
    "b1ca2adc7169e9492fd5f089cd85543ba8bd858dce15b9f72d568fd757e73f47"
)


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
