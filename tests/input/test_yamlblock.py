"""``yamlblock`` reads what it reads exactly as libyaml and ``yamltree`` read it: the same values of the same
types, the same (line, column) of every key and value in the same order; everything else it leaves to them.

The reference is ``yamltree.parse_yaml`` with the line reader switched off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zhijiao_check.located import MAX_DEPTH, Parsed
from zhijiao_check.source import yamltree
from zhijiao_check.source.slips import scan_slips
from zhijiao_check.source.yamlblock import MOST_LINES, read_block

ROOT = Path(__file__).resolve().parents[2]


def _typed(data: Any) -> Any:
    """``data`` with every value's type spelled out: ``1``, ``1.0`` and ``True`` compare equal in Python."""
    if isinstance(data, dict):
        return [(key, _typed(value)) for key, value in data.items()]
    if isinstance(data, list):
        return [_typed(value) for value in data]
    return type(data).__name__, repr(data)


def _careful(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(yamltree, "read_block", lambda *args: None)
        return yamltree.parse_yaml(text, "r.yaml")


def _fast(text: str) -> Any:
    return read_block(text, yamltree._PLAIN, yamltree._quoted_scalar)


def _same(text: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the line reader read ``text``; if it did, asserts that it read it as libyaml does, and in
    every case that ``parse_yaml`` answers as it would without the line reader. Where it says that no value
    holds a character of a slip of typing, asserts that the slip scan it spares ``parse_yaml`` finds none."""
    careful = _careful(text, monkeypatch)
    answer = yamltree.parse_yaml(text, "r.yaml")
    fast = _fast(text)
    if isinstance(careful, yamltree.Parsed):
        assert isinstance(answer, yamltree.Parsed)
        assert _typed(answer.data) == _typed(careful.data)
        assert list(answer.positions.values.items()) == list(careful.positions.values.items())
        assert list(answer.positions.keys.items()) == list(careful.positions.keys.items())
        assert answer.problems == careful.problems
    else:
        assert answer == careful
    if fast is None:
        return False
    data, positions, may_slip = fast
    if not may_slip:
        assert scan_slips(text, "r.yaml") == [], text
    elif scan_slips(text, "r.yaml"):
        return False  # the slips are said, and libyaml reads the file
    assert isinstance(careful, yamltree.Parsed) and not careful.problems, text
    assert _typed(data) == _typed(careful.data)
    assert list(positions.values.items()) == list(careful.positions.values.items())
    assert list(positions.keys.items()) == list(careful.positions.keys.items())
    _asked_alike(positions.keys, careful.positions.keys, positions.values)
    return True


def _asked_alike(keys: Any, careful: dict[Any, Any], values: dict[Any, Any]) -> None:
    """The line reader's key marks (``located.KeyMarks``, worked out when asked) answer every lookup as the
    careful reader's dict does: its keys, and every value's path and the path above it, which are not all
    keys (a list's entries, the top)."""
    assert len(keys) == len(careful)
    for path in [*careful, *values, *(path[:-1] for path in values if path), ("nowhere",)]:
        assert keys.get(path) == careful.get(path), path
        assert (path in keys) == (path in careful), path
        if path in careful:
            assert keys[path] == careful[path]
        else:
            with pytest.raises(KeyError):
                keys[path]


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "samples").rglob("*.yaml")),
    ids=lambda path: str(path.relative_to(ROOT / "samples")),
)
def test_every_sample_reads_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 市本级's reports too, whose flow mappings (``{role: …, amount: 5000}``) libyaml read until the line
    # reader did: the first such report of a bulk run imported PyYAML
    assert _same(path.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize(
    "path", sorted((ROOT / "samples" / "2023").glob("*.yaml")), ids=lambda path: path.stem
)
def test_a_sample_saved_with_windows_line_ends_reads_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert _same(text, monkeypatch)


def test_a_template_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    written = tmp_path / "new.yaml"
    result = CliRunner().invoke(
        app, ["template", "--unit", "江华瑶族自治县", "--year", "2024", "-o", str(written)]
    )
    assert result.exit_code == 0, result.output
    assert _same(written.read_text(encoding="utf-8"), monkeypatch)


SHAPES = {
    "fields and comments": "# c\na: 1  # one\nb: x y  z\n\nc:   # nothing\nd: -5\n",
    "nested and indentless lists": "a:\n  b:\n    - 1\n    - [x, 2]\n  c:\n  - k: v\n    m:\n  - []\nd: []\n",
    "quoted": "a: 'it''s'\nb: \"q #x\"  # c\nc: ''\nd: \"\"\n",
    "resolved": "a: yes\nb: Off\nc: ~\nd: null\ne: 1.50\nf: .inf\ng: 2023-09-01\nh: 0\ni: '1'\n",
    "null at the end": "a: 1\nb:",
    "Windows line ends": "a: 1\r\nb:\r\n  - x  # c\r\n  - 'y'\r\nc: [1, 2]\r\n",
    "Windows and Unix line ends mixed": "a: 1\r\nb: 2\nc:\r\n",
    "list of mappings at depth": "a:\n- b:\n  - c: 1\n    d: [p, q]\n  e: 2\n",
    "as many lines as it holds": "# c\n" * (MOST_LINES - 2) + "a: 1\n",
    "flow mappings": "a: {b: 1, c: x y, yes: on}\nd:\n  - {e: -1.5,   f: 江永}  # c\n  - { }\ng: {}\n",
}
# Each leaves the line reader to libyaml: the reference then says what the file holds or what is wrong.
LEFT = {
    "a value over two lines": "a: b\n  c\n",
    "a deeper field below a value": "a: b\n  c: 1\n",
    "a dedent between columns": "a:\n    b: 1\n  c: 2\n",
    "a list at a field's column after a value": "a: 1\n- 2\n",
    "a key at a list's column": "a:\n  - 1\n  b: 2\n",
    "a repeated key": "a: 1\na: 2\n",
    "a null key": "null: 1\n",
    "a tab": "a:\tb\n",
    "a carriage return alone": "a: 1\rb: 2\r",
    "a carriage return inside a line": "a: x\ry\r\n",
    "a carriage return and a line feed apart": "a: 1\n\rb: 2\n",
    "a byte-order mark": "\ufeffa: 1\n",
    "a control character in a comment": "a: 1  # \x07\n",
    "an octal number": "a: 012\n",
    "a hexadecimal number": "a: 0x1F\n",
    "an underscore in a number": "a: 1_000\n",
    "a time": "a: 1:30\n",
    "a hash in a text": "a: C#\n",
    "a colon in a text": "a: http://x\n",
    "an anchor and an alias": "a: &x 1\nb: *x\n",
    "a tag": "a: !!str 1\n",
    "a block scalar": "a: |\n  x\n",
    "a flow mapping in a flow mapping": "a: {b: {c: 1}}\n",
    "a flow list in a flow mapping": "a: {b: [1]}\n",
    "a quoted value in a flow mapping": "a: {b: 'x'}\n",
    "a key without its space": "a: {b:1}\n",
    "a key repeated in a flow mapping": "a: {b: 1, b: 2}\n",
    "a null key in a flow mapping": "a: {null: 1}\n",
    "a trailing comma in a flow mapping": "a: {b: 1, }\n",
    "a colon in a flow mapping's value": "a: {b: c: d}\n",
    "a full-width comma in a flow mapping": "a: {b: x，c: 1}\n",
    "a trailing comma": "a: [x, ]\n",
    "an escape": 'a: "x\\ty"\n',
    "a quote left open": 'a: "x\n',
    "a dash alone": "a:\n-\n  b: 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "a directive": "%YAML 1.1\n---\na: 1\n",
    "a root list": "- 1\n",
    "a root text": "hello\n",
    "an indented root": "  a: 1\n",
    "only comments": "# nothing\n",
    "an empty file": "",
    "a full-width colon": "a：1\n",
    "an ideographic space": "a:\u30001\n",
    "a no-break space in a text": "a: x\u00a0y\n",
    "a key not a name": "名称: 1\n",
    "a dash in a key": "a-b: 1\n",
    "a line separator": "a: 1\u2028b: 2\n",
    "more lines than it holds": "# c\n" * (MOST_LINES - 1) + "a: 1\n",
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_shapes_it_reads(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _same(text, monkeypatch)


@pytest.mark.parametrize("text", LEFT.values(), ids=LEFT.keys())
def test_shapes_it_leaves_to_libyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not _same(text, monkeypatch)


def _nested(levels: int, last: str) -> str:
    """``levels`` fields each holding the next, the last of them holding ``last``."""
    return "".join(f"{'  ' * level}k:\n" for level in range(levels)) + "  " * levels + last + "\n"


def test_nesting_up_to_the_limit_is_read_and_beyond_it_left_to_libyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mapping or list as deep as ``MAX_DEPTH`` is what ``yamltree`` refuses as too deep."""
    assert _same(_nested(MAX_DEPTH - 1, "k: 1"), monkeypatch)  # the innermost mapping at depth 63
    assert not _same(_nested(MAX_DEPTH, "k: 1"), monkeypatch)
    assert _same(_nested(MAX_DEPTH - 2, "k: [1]"), monkeypatch)  # a flow list at depth 63
    assert not _same(_nested(MAX_DEPTH - 1, "k: [1]"), monkeypatch)
    assert _same(_nested(MAX_DEPTH - 2, "k:\n" + "  " * (MAX_DEPTH - 2) + "- 1"), monkeypatch)
    assert not _same(_nested(MAX_DEPTH - 1, "k:\n" + "  " * (MAX_DEPTH - 1) + "- 1"), monkeypatch)


# Generated texts: a tree of mappings, lists and values written in varied indentation, with comments, blank
# lines and values of every kind the resolver tells apart, then sometimes one line shifted, dropped or
# repeated, so that texts libyaml refuses or reads otherwise are among them.
_COMMON_KEYS = st.sampled_from(["a", "b", "name", "yes", "on", "_x", "k1", "A", "true", "teachers"])
_KEYS = st.one_of(_COMMON_KEYS, _COMMON_KEYS, _COMMON_KEYS, st.sampled_from(["null", "a-b", "名", "~"]))
# Values the line reader reads, often, and values it leaves to libyaml, now and then.
_READ = st.sampled_from(
    [
        "1",
        "-5",
        "0",
        "+3",
        "1.5",
        ".5",
        "1e3",
        "1.0e+3",
        ".inf",
        "-.inf",
        ".nan",
        "true",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "null",
        "~",
        "Null",
        "2023-09-01",
        "abc",
        "江永县",
        "a b  c",
        "[a]",
        "[a, b]",
        "[]",
        "[ ]",
        "[1, -2, yes]",
        "[ a ,b ]",
        "'q'",
        "'it''s'",
        "''",
        '"d"',
        '"a #b"',
        "…",
        "é",
        "😀",
        "+.5",
        "1.",
        "-0",
        "a, b",
        "x!",
        "[江永, 1.5]",
        "-.5",
        "说明：无",
        "a＃b",
        "x {y",
        "{}",
        "{a: 1}",
        "{ a: x y ,b:  yes }",
        "{name: 江永, k1: -.5}",
    ]
)
_LEFT = st.sampled_from(
    [
        "012",
        "0x1F",
        "1_000",
        "2023-09-01 10:00:00",
        "a#b",
        "a #b",
        "C#",
        "x: y",
        "http://x",
        "-",
        "- x",
        "-x",
        "[a, ]",
        "[a, [b]]",
        "{a: [1]}",
        "{a: 1, a: 2}",
        "{a:1}",
        "{a: 'q'}",
        "{a: 1,}",
        "{a: b: c}",
        '"a\\"b"',
        "&a x",
        "*a",
        "!!str 1",
        "|",
        ">",
        "%x",
        "@x",
        "`x",
        "?x",
        "? x",
        "a\u3000",
        "\u00a0a",
        "a\tb",
        "1:30",
        "0b101",
        "0o17",
        "1360  ＃ 注释",
        "＃x",
        "\u3000x",
        "name：x",
        "x{a，b：c}",
        "[a, ＃b]",
    ]
)
_SCALARS = st.integers(0, 12).flatmap(lambda draw: _READ if draw else _LEFT)
_COMMENTS = st.sampled_from(["", "", "", "  # note", " #x", "   # 中文：注释", "  #"])


def _tree(depth: int, clean: bool) -> st.SearchStrategy[Any]:
    leaf = _READ if clean else _SCALARS
    if depth == 0:
        return leaf
    child = _tree(depth - 1, clean)
    if not clean:
        pairs = st.lists(st.tuples(_KEYS, child), min_size=1, max_size=4)
        items = st.lists(child, min_size=0, max_size=3)
    else:  # no key twice in a mapping, no list right in a list (``- - x`` is left to libyaml)
        pairs = st.lists(
            st.tuples(_COMMON_KEYS, child), min_size=1, max_size=4, unique_by=lambda pair: pair[0]
        )
        items = st.lists(
            child.filter(lambda node: not (isinstance(node, tuple) and node[0] == "seq")), max_size=3
        )
    return st.one_of(leaf, pairs.map(lambda pairs: ("map", pairs)), items.map(lambda items: ("seq", items)))


@st.composite
def _texts(draw: st.DrawFn, clean: bool = False) -> str:
    """``clean``: only keys and values that the line reader reads (the text's shape may still leave it to
    libyaml)."""
    step = draw(st.sampled_from([2, 2, 4, 1, 3]))
    indentless = draw(st.booleans())
    lines: list[str] = []

    def write(node: Any, prefix: str, column: int) -> None:
        """``node`` as the value after ``prefix`` (``  key:`` or ``  -``), whose first character stands at
        ``column``."""
        if not isinstance(node, tuple):
            lines.append(f"{prefix} {node}{draw(_COMMENTS)}")
            return
        kind, children = node
        if not children:
            lines.append(f"{prefix} {'{}' if kind == 'map' else '[]'}{draw(_COMMENTS)}")
            return
        if kind == "map" and prefix.endswith("-") and (clean or draw(st.booleans())):
            inner = len(prefix) + 1  # ``- key: …``: the first field on the dash's line
            (key, value), rest = children[0], children[1:]
            write(value, f"{prefix} {key}:", inner)
        else:
            lines.append(prefix + draw(_COMMENTS))
            inner, rest = column + step, children
        if kind == "map":
            for key, value in rest:
                write(value, f"{' ' * inner}{key}:", inner)
            return
        if indentless and prefix.endswith(":"):
            inner = column
        for item in children:
            write(item, f"{' ' * inner}-", inner)
        if draw(st.integers(0, 5)) == 0:
            lines.append(" " * draw(st.integers(0, 6)) + draw(st.sampled_from(["", "# c"])))

    keys = _COMMON_KEYS if clean else _KEYS
    root = st.lists(st.tuples(keys, _tree(3, clean)), min_size=1, max_size=5, unique_by=lambda pair: pair[0])
    for key, value in draw(root):
        write(value, f"{key}:", 0)
    change = draw(st.integers(0, 20 if clean else 6))
    if change and lines:
        at = draw(st.integers(0, len(lines) - 1))
        if change == 1:
            lines[at] = " " * draw(st.integers(1, 3)) + lines[at]
        elif change == 2:
            lines[at] = lines[at][draw(st.integers(1, 2)) :]
        elif change == 3:
            del lines[at]
        elif change == 4:
            lines.insert(at, lines[at])
        elif change == 5:
            lines.insert(at, draw(st.sampled_from(["", "   ", "# c", "  # c", "---", "...", "\t"])))
        else:  # clean texts: now and then a blank line or a comment, which YAML reads past anywhere
            lines.insert(at, " " * draw(st.integers(0, 6)) + draw(st.sampled_from(["", "# c", "#"])))
    end = draw(st.sampled_from(["\n", "\n", "\r\n"]))  # Unix's line ends, or Windows'
    return end.join(lines) + draw(st.sampled_from([end, "", end + end]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_texts(), _texts(clean=True)))
@example("a:\n- b: 1\n  c:\n  - 2\nd: x\n")
def test_generated_texts_read_the_same(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same(text, monkeypatch)


def test_generated_texts_are_mostly_read() -> None:
    """The generator makes texts of the simple shape often enough that the line reader is really tried."""
    read = 0
    with pytest.MonkeyPatch.context() as monkeypatch:
        # the same 200 texts every run (derandomised): a count of random ones would wander around the bound
        @settings(
            max_examples=200,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(_texts(clean=True))
        def count(text: str) -> None:
            nonlocal read
            read += _same(text, monkeypatch)

        count()
    assert read >= 120


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "7",
        "870",
        "123456789012345",
        "1234567890123456",
        "9" * 30,
        "007",
        "00",
        "0870",
        "1_000",
        "１２",
        "+5",
        "-3",
        "0x1A",
        "1:30",
        "2023",
        # texts, and the values of YAML's other resolvers
        "县",
        "county",
        "yellow",
        "not_started",
        "yes",
        "Off",
        "NULL",
        "nO",
        "true",
        "false",
        "~",
        "=",
        "<<",
        ".5",
    ],
)
def test_a_plain_value_not_yet_held_reads_as_libyaml_reads_it(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # nothing held: each value is built here, by the quick way for plain digits and for a text no resolver is
    # for, or by PyYAML's; quoted, a text
    monkeypatch.setattr(yamltree, "_BUILT", {})
    monkeypatch.setattr(yamltree, "_PLAIN", yamltree._PlainValues())
    _same(f"a: {text}\nb: [{text}, 1]\nc: '{text}'\n", monkeypatch)


def test_a_whole_number_is_built_without_pyyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    # Most values a bulk run has not met yet are a clerk's whole numbers: PyYAML's resolver and constructor
    # (some microseconds each, in Python) are not asked about them.
    def refused(*args: object) -> None:
        raise AssertionError(f"asked PyYAML about {args}")

    monkeypatch.setattr(yamltree, "_BUILT", {})
    monkeypatch.setattr(yamltree, "_loader_class", lambda: type("Loader", (), {"resolve": refused}))
    monkeypatch.setattr(yamltree, "_clean_scalar", refused)
    values = yamltree._PlainValues()
    assert [(type(v), v) for v in map(values.value, ["870", "0", "123456789012345"])] == [
        (int, 870),
        (int, 0),
        (int, 123456789012345),
    ]


def test_a_report_without_a_character_of_a_slip_is_read_without_the_slip_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The scan cost a fifth of reading a report; the line reader tells when no value can hold a slip.
    def refused(*args: object) -> None:
        raise AssertionError("scanned for slips")

    monkeypatch.setattr(yamltree, "scan_slips", refused)
    text = (ROOT / "samples" / "2023" / "jiangyong.yaml").read_text(encoding="utf-8")
    parsed = yamltree.parse_yaml(text, "r.yaml", partial=True)
    assert isinstance(parsed, Parsed) and parsed.problems == ()


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        ("teachers: 1360  ＃ 注释", "fullwidth-hash", 17),
        ("names:\n  - \u3000江永", "odd-space", 5),
        ("names:\n  - name：江永", "fullwidth-colon", 9),
        ("note: x{a，b：c}", "fullwidth-comma", 10),
    ],
)
def test_a_slip_in_a_value_the_line_reader_reads_is_still_said(line: str, code: str, column: int) -> None:
    text = f"a: 1\n{line}\n"
    read = _fast(text)
    assert read is not None and read[2]  # read, and said to hold a character of a slip
    parsed = yamltree.parse_yaml(text, "r.yaml", partial=True)
    problems = parsed.problems if isinstance(parsed, Parsed) else parsed
    assert [(problem.code, problem.line, problem.column) for problem in problems][:1] == [
        (code, text.count("\n"), column)  # on the last line
    ]


def test_names_are_one_text_each_up_to_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each name given as a key is one text however many reports give it (``yamlblock._NAMES``); once the
    names held reach their bound, a new one is read all the same, as it is."""
    from zhijiao_check.source import yamlblock

    first, second = _fast("unit:\n  name: 东安县\n"), _fast("unit:\n  name: 江华\n")
    assert first is not None and second is not None
    assert next(iter(first[0])) is next(iter(second[0]))
    assert next(iter(first[0]["unit"])) is next(iter(second[0]["unit"]))
    monkeypatch.setattr(yamlblock, "_NAMES", {})
    monkeypatch.setattr(yamlblock, "_SPLIT", {})  # its lines' names were interned as they were held
    monkeypatch.setattr(yamlblock, "NAMES", 1)
    full = _fast("unit:\n  odd_name_not_held: 1\n")
    assert full is not None
    assert full[0] == {"unit": {"odd_name_not_held": 1}}
    assert list(yamlblock._NAMES) == ["unit"]
    assert list(full[1].keys) == [("unit",), ("unit", "odd_name_not_held")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_texts(), _texts(clean=True)), min_size=1, max_size=4))
def test_each_line_is_split_as_the_whole_text_is_held_or_not(texts: list[str]) -> None:
    """A line's parts held (``yamlblock._SPLIT``) are those ``_LINES.findall`` gives it in the whole text,
    the first time and when met again, the lines held at their bound or not (a long line is never held)."""
    from zhijiao_check.source import yamlblock

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(yamlblock, "_SPLIT", {})
        monkeypatch.setattr(yamlblock, "SPLIT_LINES", 3)
        monkeypatch.setattr(yamlblock, "SPLIT_WIDTH", 8)
        for text in [*texts, *texts]:
            text = text.replace("\r\n", "\n")
            assert yamlblock._split(text) == list(map(yamlblock.parts, yamlblock._LINES.findall(text)))
            assert len(yamlblock._SPLIT) <= 3
            assert all(len(line) <= 8 for line in yamlblock._SPLIT)


def test_the_lines_held_are_let_go_with_the_values_built() -> None:
    from zhijiao_check.source import yamlblock

    assert _fast("unit:\n  name: 东安县\n") is not None
    assert "  name: 东安县" in yamlblock._SPLIT
    yamltree.forget_built()
    assert not yamlblock._SPLIT


def test_the_texts_read_without_pyyaml_are_those_no_resolver_is_for() -> None:
    """A plain value whose first character no implicit resolver of PyYAML's is for is a text, built without
    PyYAML (``yamltree._RESOLVED_FIRST``): the characters are exactly those PyYAML's resolvers are keyed by,
    and none of them is for every text."""
    import yaml

    resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers
    assert None not in resolvers
    assert set(resolvers) == yamltree._RESOLVED_FIRST


@given(st.sampled_from("yYnNtTfFoO"), st.text(alphabet="yYnNtTfFoOeEsSuUrRlLaA_ws", max_size=5))
@example("y", "ellow")  # a rating
@example("n", "ot_started")  # a project's state
@example("y", "es")
@example("N", "ULL")
@example("o", "n")
def test_a_plain_text_starting_with_a_resolvers_letter_is_what_pyyaml_resolves(first: str, rest: str) -> None:
    """A plain value starting with a letter PyYAML resolves (bool, null) is built without PyYAML unless it is
    one of their words (``yamltree._WORDS``): the same value and type as PyYAML's."""
    import yaml

    text = first + rest
    tag = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, text, (True, False))  # type: ignore[arg-type]
    expected = yaml.SafeLoader("").construct_object(yaml.ScalarNode(tag, text))
    built = yamltree._PlainValues().value(text)
    assert (built, type(built)) == (expected, type(expected))
    assert (text in yamltree._WORDS) == (tag != "tag:yaml.org,2002:str")


@pytest.mark.parametrize("sample", ["jiangyong.yaml", "dongan.yaml"])  # dongan's rating: yellow
def test_a_report_of_names_and_flags_is_read_without_importing_pyyaml(sample: str) -> None:
    # Nothing else of a run of such reports imports PyYAML, whose import (its patterns compiled) cost some 90
    # million instructions; a fresh process tells.
    import subprocess
    import sys

    code = (
        "import sys; from zhijiao_check.source.yamltree import parse_yaml; "
        "parsed = parse_yaml(sys.stdin.read(), 'r.yaml'); "
        "print(type(parsed).__name__, 'yaml' in sys.modules)"
    )
    text = (ROOT / "samples" / "2023" / sample).read_text(encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["Parsed", "False"]


def test_the_words_read_without_pyyaml_are_its_flags_and_nulls() -> None:
    """A plain value starting with a letter of ``yamltree._WORD_FIRST`` (``yellow``, ``not_started``) is a
    flag or null only where it is one of ``yamltree._WORDS``: those characters' resolvers in PyYAML are its
    flags' and nulls' alone, and their words are those, each built as PyYAML builds it."""
    import yaml

    resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers
    tags = {tag for first in yamltree._WORD_FIRST for tag, _ in resolvers[first]}
    assert tags == {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}
    words = set()
    for first in yamltree._WORD_FIRST:
        for _, pattern in resolvers[first]:
            inner = pattern.pattern.removeprefix("^(?:").removesuffix(")$")
            words |= {word.strip() for word in inner.split("|")} - {""}
    assert words == set(yamltree._WORDS)
    constructor = yaml.constructor.SafeConstructor()
    for word, value in yamltree._WORDS.items():
        tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, word, (True, False))
        built = constructor.construct_object(yaml.ScalarNode(tag, word))
        assert (type(built), built) == (type(value), value), word


@pytest.mark.parametrize(
    "text", ["yellow", "not_started", "Yess", "nO", "oN", "TRue", "~x", "nulls", "offline"]
)
def test_a_text_that_starts_as_a_word_is_read_without_pyyaml(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object) -> None:
        raise AssertionError(f"asked PyYAML about {args}")

    monkeypatch.setattr(yamltree, "_BUILT", {})
    monkeypatch.setattr(yamltree, "_loader_class", lambda: type("Loader", (), {"resolve": refused}))
    assert yamltree._PlainValues().value(text) == text
