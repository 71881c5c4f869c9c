"""A pack's ``rule_ids`` pattern is matched in time linear in the ID, whatever the pattern: with Python's
``re``, ``^c\\.(a|a)*$`` took 2^34 steps on the ID ``c.aaaa…ab`` and the run never ended. Patterns the
linear engine cannot run (look-around, back-references, one that compiles to more than 10 MB) are refused at
pack.yaml's line (``pack.schema.id_matcher``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factory import write_pack
from hostile.helpers import SAMPLE, run
from hypothesis import given
from hypothesis import strategies as st

from zhijiao_check.errors import FatalError
from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import load_packs
from zhijiao_check.pack.schema import id_matcher

POLICY = "测试条款原文：职普比未达标时压缩招生。"
RULE = """\
rules:
  - id: {id}
    title: {{zh: 测试, en: Test}}
    clause: 90
    quote: 职普比未达标时压缩招生
    scope: unit
    units: [county]
    kind: flag
    field: quality_committee
    time: {{every_year: 2022}}
"""
EVIL_ID = "c.a" + "a" * 40 + "b"  # 2^41 ways for (a|a)* to fail on it


def _pack(tmp_path: Path, pattern: str, rule_id: str = EVIL_ID) -> Path:
    pack = write_pack(tmp_path / "extra", RULE.format(id=rule_id), policy=POLICY)
    info = pack / "pack.yaml"
    info.write_text(info.read_text(encoding="utf-8") + f"rule_ids: {json.dumps(pattern)}\n", encoding="utf-8")
    return pack


def test_a_pattern_that_would_backtrack_for_ever_ends_at_once_with_the_id_it_refuses(tmp_path: Path) -> None:
    """In a process of its own, so that a return of the old matching fails this test (after ``HANG``
    seconds) instead of holding up the suite."""
    done = run("check", SAMPLE, "--rules", _pack(tmp_path, r"^c\.(a|a)*$"), "--lang", "en", cwd=tmp_path)
    assert done.code == 2
    assert (
        f"clause-90.yaml:2:9: {EVIL_ID}.id: rule ID {EVIL_ID} does not follow the pack's rule_ids" in done.err
    )


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        (r"(?<=c)\.", "look-around, including look-ahead and look-behind, is not supported"),
        (r"^(c)\d+\.\1", "backreferences are not supported"),
        (r"^c(\.a{1000}){1000}$", "Compiled regex exceeds size limit"),
        # re would read "{1,2." as those characters; this engine says what is wrong
        (r"^c\d{1,2\.", "unclosed counted repetition"),
    ],
)
def test_a_pattern_the_linear_engine_cannot_run_is_refused_at_its_line(
    tmp_path: Path, pattern: str, said: str
) -> None:
    pack = _pack(tmp_path, pattern, rule_id="c90.test")
    with pytest.raises(FatalError) as raised:
        load_packs([pack])
    # and, once, that the rules' IDs (and quotes, clauses, years) wait for pack.yaml
    waiting, problem = raised.value.problems
    assert (waiting.code, waiting.line) == ("rules-wait-for-pack-file", None)
    assert (Path(problem.file).name, problem.line, problem.path) == ("pack.yaml", 8, "rule_ids")
    assert said in problem.message(Translator("en"))


def test_the_shipped_patterns_still_match_what_they_did(tmp_path: Path) -> None:
    follows = id_matcher(r"^c\d{1,2}\.[a-z0-9]+(-[a-z0-9]+)*$")  # docs/packs.md's, nested as it is
    assert follows("c16.secondary-funding") and not follows("c16.Secondary") and not follows("x1.a")
    assert not follows("c1." + "a-" * 5_000 + "!")  # at once, where re takes its time
    packs = load_packs([_pack(tmp_path, r"^c90\.", rule_id="c90.test")])
    assert [rule.id for rule in packs[1].rules] == ["c90.test"]


# Patterns of a few atoms, each quantified at most once: Python's re runs them quickly on short IDs, so the
# two engines can be compared; they must agree on every ID.
_ATOMS = st.sampled_from(["a", "b", "c", "[a-z]", r"\d", r"\.", "-", "(a|b)", "(ab)", "[0-9a-z-]", "."])
_QUANTIFIERS = st.sampled_from(["", "*", "+", "?", "{1,2}", "{2}"])
_PATTERNS = st.builds(
    lambda start, parts, end: start + "".join(a + q for a, q in parts) + end,
    st.sampled_from(["", "^"]),
    st.lists(st.tuples(_ATOMS, _QUANTIFIERS), min_size=1, max_size=5),
    st.sampled_from(["", "$"]),
)


@given(
    pattern=_PATTERNS,
    rule_id=st.from_regex(r"[a-c][a-c0-9]{0,3}\.[a-c0-9]{1,6}(-[a-c0-9]{1,3}){0,2}", fullmatch=True),
)
def test_the_linear_engine_agrees_with_re_on_every_id(pattern: str, rule_id: str) -> None:
    assert id_matcher(pattern)(rule_id) == bool(re.search(pattern, rule_id))
