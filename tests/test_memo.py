"""``memo.BoundedMemo``: values made once and held up to a bound, then all let go."""

from __future__ import annotations

import pytest

from zhijiao_check.memo import BoundedMemo


def test_a_value_is_made_once_from_its_key_and_the_memory_stays_bounded() -> None:
    made: list[int] = []

    def square(n: int) -> int:
        made.append(n)
        return n * n

    kept: BoundedMemo[int, int] = BoundedMemo(square, limit=3)
    assert [kept[2], kept[2], kept[3]] == [4, 4, 9]
    assert made == [2, 3]
    for n in range(10):
        assert kept[n] == n * n
        assert len(kept) <= 3


def test_without_a_maker_the_caller_keeps_what_it_made() -> None:
    kept: BoundedMemo[str, str] = BoundedMemo(limit=2)
    assert kept.get("a") is None
    with pytest.raises(KeyError):
        kept["a"]
    assert kept.keep("a", "A") == "A" and kept["a"] == "A"
    kept.keep("b", "B")
    kept.keep("c", "C")  # the bound reached: what was held is let go
    assert dict(kept) == {"c": "C"}


def test_a_translator_holds_at_most_1024_texts_of_wording_made_once() -> None:
    # at 4,096, a 10,000-report run with figures of its own held 1 MiB more at its peak (goal 4 of issue 12)
    from zhijiao_check.i18n import PLAIN, Translator
    from zhijiao_check.wording import Once

    tr = Translator("en")
    made = [Once(f"figure {n}") for n in range(3000)]
    assert [tr.render(once) for once in made][-1] == "figure 2999"
    assert PLAIN == 1024
    assert len(tr._plain) <= 1024


def test_let_go_empties_every_memo_alive_and_each_makes_its_values_again() -> None:
    """What a large run does once its reports are scored (``commands.flat.run``): the city-wide years, where
    it peaks, reuse the memory its memos held."""
    from zhijiao_check.memo import let_go

    made: list[int] = []

    def double(n: int) -> int:
        made.append(n)
        return 2 * n

    first: BoundedMemo[int, int] = BoundedMemo(double)
    second: BoundedMemo[str, str] = BoundedMemo()
    assert first[4] == 8 and second.keep("a", "A") == "A"
    let_go()
    assert len(first) == 0 and len(second) == 0
    assert first[4] == 8 and made == [4, 4]
    assert second.get("a") is None


def test_a_memo_gone_is_no_longer_among_those_let_go() -> None:
    import gc

    from zhijiao_check import memo

    before = len(memo._ALIVE)
    made: BoundedMemo[int, int] = BoundedMemo()
    assert len(memo._ALIVE) == before + 1
    del made
    gc.collect()
    assert len(memo._ALIVE) == before
