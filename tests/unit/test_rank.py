"""`drafter rank`: the MinHash shortlist finds what comparing every plan finds, on a generated corpus
of 2,000 plans (families of plans that copy their province's plan, which follows a national one)."""

from __future__ import annotations

from collections import Counter

import pytest

from drafter.compare.rank import SHORTLIST, rank_against_corpus
from drafter.compare.synthetic import edit_document
from drafter.store import Store
from tests.support.plan_generator import PlanGenerator

PLANS = 2000


@pytest.fixture(scope="module")
def corpus():
    generator = PlanGenerator(seed=11, size=2500)  # short plans: the exhaustive scan stays fast
    with Store(":memory:") as store:
        store.add_documents([generator.document(n) for n in range(PLANS)])
        yield generator, store


def _drafts(generator: PlanGenerator, store: Store) -> list:
    """Edited copies of corpus plans, and new plans (not in the corpus) of well-represented families."""
    sizes = Counter(generator.family_of(n) for n in range(PLANS))
    fresh = [n for n in range(PLANS, PLANS + 200) if sizes[generator.family_of(n)] >= 15][:2]
    drafts = [edit_document(store.get_document(doc_id), seed=doc_id, words=20, moves=2).edited for doc_id in (7, 1234)]
    drafts += [edit_document(generator.document(n), seed=n, words=8, moves=1).edited for n in fresh]
    for draft in drafts:
        draft.source = "draft.md"
    return drafts


def test_the_shortlist_gives_the_full_scans_top_ten(corpus):
    generator, store = corpus
    for draft in _drafts(generator, store):
        full = rank_against_corpus(draft, store, limit=10, exhaustive=True)
        short = rank_against_corpus(draft, store, limit=10)
        assert full.compared == PLANS and short.compared == SHORTLIST
        assert [p.id for p in short.plans] == [p.id for p in full.plans]
        assert [p.similarity for p in short.plans] == [p.similarity for p in full.plans]


def test_an_edited_corpus_plan_ranks_its_source_first_and_lists_reused_paragraphs(corpus):
    generator, store = corpus
    source = store.get_document(42)
    draft = edit_document(source, seed=3, words=10, moves=1).edited
    draft.source = "draft.md"
    ranking = rank_against_corpus(draft, store, limit=5)
    assert ranking.plans[0].id == 42 and ranking.plans[0].similarity > 0.9
    assert ranking.plans[0].shared > ranking.plans[-1].shared
    assert ranking.reused and all(any(h.id == 42 for h in r.found_in) for r in ranking.reused[:5])


def test_a_corpus_document_is_not_ranked_against_itself(corpus):
    _, store = corpus
    doc = store.get_document(5)
    ranking = rank_against_corpus(doc, store, limit=3)
    assert 5 not in [p.id for p in ranking.plans]


def test_folded_prefilter_loses_no_pair_and_keeps_every_ratio(corpus):
    """Pairs are screened on texts folded to bytes (an upper bound); the ratios that come out are
    exactly rapidfuzz's on the texts themselves, for every pair at or above the threshold."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from drafter.compare.rank import PAIR_THRESHOLD, pair_ratios
    from drafter.store.signature import words_only

    _, store = corpus
    a = [words_only(p.text) for p in store.paragraphs(7)]
    for other in (7, 8, 1234):
        b = [words_only(p.text) for p in store.paragraphs(other)]
        direct = process.cdist(a, b, scorer=fuzz.ratio, score_cutoff=PAIR_THRESHOLD * 100) / 100.0
        assert np.array_equal(pair_ratios(a, b), direct)
    assert (pair_ratios(a, a).diagonal() == 1.0).all()


def test_the_written_out_permutations_are_datasketchs():
    """The MinHash permutations are a table (drawing them imported numpy.random, ~20 ms a rank): the
    table must be what datasketch's affine32 scheme draws with the same seed, or stored signatures
    and a draft's would disagree."""
    import datasketch
    import numpy as np

    from drafter.store.signature import NUM_PERM, SEED, _permutations

    a, b = _permutations()
    theirs = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED).permutations
    assert a.dtype == b.dtype == np.uint32 and len(a) == len(b) == NUM_PERM
    assert np.array_equal(theirs[0], a) and np.array_equal(theirs[1], b)
    gen = np.random.RandomState(SEED)
    assert np.array_equal(gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1), a)
    assert np.array_equal(gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32), b)


def test_the_word_table_is_pythons_isalnum():
    """`words_only` keeps what `\\w` keeps but `_` (and `\\x00`): its table, built by numpy, must
    say what `str.isalnum` says of every BMP character."""
    from drafter.store.signature import _is_word

    table = _is_word()
    expected = [chr(c).isalnum() for c in range(0x10000)]
    expected[0] = True
    assert table.tolist() == expected


def test_paragraph_texts_are_the_paragraphs_texts(corpus):
    """rank reads plans through `paragraph_texts` (no heading paths): the same texts, in order."""
    _, store = corpus
    for doc_id in (1, 7, 1234, PLANS):
        assert store.paragraph_texts(doc_id) == [p.text for p in store.paragraphs(doc_id)]
