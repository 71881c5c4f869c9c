"""Patterns compiled at their first use: the same answers as ``re.compile``'s, and no compiling at import."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import zhijiao_check
from zhijiao_check.patterns import later


@given(text=st.text(alphabet="ab1 ,：\u3000\n", max_size=20))
def test_a_later_pattern_answers_as_the_compiled_one(text: str) -> None:
    sources = [(r"(\d)[ ,]*", 0), (r"^a+$", re.MULTILINE), ("[：\u3000]", 0), (r"A B", re.VERBOSE)]
    for source, flags in sources:
        pattern, compiled = later(source, flags), re.compile(source, flags)
        assert pattern.pattern == compiled.pattern
        assert bool(pattern.match(text)) == bool(compiled.match(text))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert pattern.sub("x", text) == compiled.sub("x", text)
        assert pattern.split(text) == compiled.split(text) and pattern.flags == compiled.flags
    assert later(rb"e-[0-9]").search(text.encode()) == re.compile(rb"e-[0-9]").search(text.encode())


def test_a_later_pattern_is_compiled_once_at_its_first_use() -> None:
    pattern = later(r"(unclosed")
    assert "_compiled" not in vars(pattern)  # a pattern never used is never compiled: not even its errors
    words = later(r"\w+")
    assert words.findall("a bc") == ["a", "bc"] and words.fullmatch("abc")
    first = vars(words)["_compiled"]
    assert words.search("x") and vars(words)["_compiled"] is first
    assert repr(words) == repr(re.compile(r"\w+"))


def test_the_tools_patterns_are_compiled_at_their_first_use() -> None:
    """No module compiles a pattern at import, and a cold check of a valid report compiles few of them: the
    patterns for most slips of typing and odd characters wait for a report that holds one."""
    root = Path(zhijiao_check.__file__).parent
    at_import = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"[A-Za-z_][A-Za-z0-9_]* = re\.compile\(", line)
    ]
    assert not at_import, f"compiled at import; write later(…): {at_import}"
    probe = (
        "import sys, runpy\n"
        "from zhijiao_check import patterns\n"
        "made = []\n"
        "original = patterns.later\n"
        "patterns.later = lambda *a: made.append(original(*a)) or made[-1]\n"
        "sys.argv = ['zhijiao-check', sys.argv[1], '-f', 'json']\n"
        "try:\n"
        "    runpy.run_module('zhijiao_check', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "used = sum('_compiled' in vars(p) for p in made)\n"
        "print(len(made), used, file=sys.stderr)\n"
    )
    sample = Path(__file__).resolve().parents[1] / "samples" / "2023" / "lengshuitan.yaml"
    done = subprocess.run(
        [sys.executable, "-c", probe, str(sample)], capture_output=True, text=True, check=False, timeout=60
    )
    made, used = map(int, done.stderr.split()[-2:])
    assert made >= 20 and made - used >= 10, (made, used)
