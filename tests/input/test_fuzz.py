"""Fuzzing the command line with what counties might send: valid samples mutated line by line (deleted,
duplicated, retyped, renamed, re-indented, truncated) and in their data, other encodings, random YAML,
random text and bytes. Whatever the file, ``validate`` and ``check`` never raise, exit 0, 1 or 2, and every
problem of a refused file carries a line number.

Short by default for CI: ``ZHIJIAO_FUZZ_EXAMPLES`` (default 25) examples per test. For a long run:
``ZHIJIAO_FUZZ_EXAMPLES=5000 pytest tests/input/test_fuzz.py`` (see docs/testing.md).
"""

from __future__ import annotations

import codecs
import contextlib
import copy
import io
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from zhijiao_check.report.model import Report

from .helpers import VALID_SAMPLES, run_cli

EXAMPLES = int(os.environ.get("ZHIJIAO_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
SLOW = 10  # seconds for both commands on one input of a few KiB; they take a few hundredths
TEXTS = {path: path.read_text(encoding="utf-8") for path in VALID_SAMPLES}


def _field_names(model: type[BaseModel]) -> Iterator[str]:
    for name, info in model.model_fields.items():
        yield name
        annotation = info.annotation
        if get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _field_names(annotation)


FIELDS = sorted(set(_field_names(Report)))
# Values counties write by mistake, and YAML that tries to do more than hold values.
HOSTILE = [
    '"3,120"',
    '"2.5万"',
    '"50%"',
    "3,120",
    "2.5万",
    "50%",
    "~",
    "",
    "null",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "-1",
    "3.5",
    "1e999",
    ".nan",
    ".inf",
    "0x1F",
    "0120",
    "1_000",
    "1:30",
    "true",
    "yes",
    "是",
    "否",
    "2023-01-01",
    "2023年",
    "二〇二三",
    "!!python/object/apply:os.system [ls]",
    "!!binary aGk=",
    "!foo 1",
    "&a 1",
    "*a",
    "*nope",
    "'",
    '"',
    "[",
    "{",
    "|\n  text",
    ">-",
    "? [a]",
    "<<: {a: 1}",
    "--- ",
    "...",
    "%YAML 1.1",
    "\t1",
    "- 1",
    '"' + "9" * 60 + '"',
    "9" * 5000,
    "冷水滩区",
    "祁阳县",
    "county",
    "city",
    "secondary",
    "green",
    "电子信息",
]
text_piece = st.text(max_size=12)  # control characters and surrogates included: a file can hold anything


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """A valid sample with a few lines deleted, duplicated, retyped, renamed, moved or re-indented."""
    lines = TEXTS[draw(st.sampled_from(VALID_SAMPLES))].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        key, colon, value = line.partition(":")
        indent = key[: len(key) - len(key.lstrip())]
        action = draw(
            st.sampled_from(["delete", "duplicate", "retype", "rename", "field", "insert", "indent", "swap"])
        )
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "retype" and colon:
            lines[index] = f"{key}: {draw(st.one_of(st.sampled_from(HOSTILE), text_piece))}\n"
        elif action == "rename" and colon:
            lines[index] = f"{indent}{draw(text_piece)}:{value}"
        elif action == "field" and colon:
            lines[index] = f"{indent}{draw(st.sampled_from(FIELDS))}:{value}"
        elif action == "insert":
            lines.insert(index, draw(st.one_of(st.sampled_from(HOSTILE), text_piece)) + "\n")
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + line.lstrip(" ")
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            break
    return "".join(lines)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**20),
    st.floats(),
    st.text(max_size=15),
    st.dates(),
    st.sampled_from(
        [
            "county",
            "city",
            "management_area",
            "secondary",
            "higher",
            "public",
            "private",
            "green",
            "red",
            "quality",
            "电子信息",
            "专业带头人",
            "冷水滩区",
            "永州市本级",
        ]
    ),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), children, max_size=5),
    ),
    max_leaves=25,
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*path, index))


@st.composite
def mutated_data(draw: st.DrawFn) -> str:
    """A valid sample's data with subtrees deleted, replaced, emptied or repeated, written back as YAML.

    Many stay valid but odd (a school without teachers, no majors at all): the rules must cope with those too.
    """
    data = copy.deepcopy(yaml.safe_load(TEXTS[draw(st.sampled_from(VALID_SAMPLES))]))
    for _ in range(draw(st.integers(1, 4))):
        places = [place for place in _places(data) if place]
        if not places:
            break
        *parents, last = draw(st.sampled_from(places))
        node = data
        for part in parents:
            node = node[part]
        action = draw(st.sampled_from(["delete", "replace", "empty", "repeat"]))
        if action == "delete":
            del node[last]
        elif action == "replace":
            node[last] = draw(trees)
        elif action == "empty":
            node[last] = type(node[last])() if isinstance(node[last], (list, dict, str)) else 0
        elif action == "repeat" and isinstance(node, list):
            node.append(copy.deepcopy(node[last]))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=draw(st.booleans()))


@st.composite
def random_yaml(draw: st.DrawFn) -> str:
    document = draw(st.one_of(trees, st.dictionaries(st.sampled_from(FIELDS), trees, max_size=8)))
    return yaml.safe_dump(document, allow_unicode=True, default_flow_style=draw(st.booleans()))


@st.composite
def encoded(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """The text as some editor might have saved it, or damaged on the way."""
    text = draw(texts)
    how = draw(
        st.sampled_from(
            [
                "utf-8",
                "utf-8-sig",
                "utf-16",
                "utf-16-be-bom",
                "utf-16-le",
                "utf-16-be",
                "utf-32",
                "utf-32-le",
                "utf-32-be",
                "gb18030",
                "latin-1",
                "one-line-gbk",
                "truncate",
                "flip",
            ]
        )
    )
    if how == "one-line-gbk":  # a line pasted from a GBK file into a UTF-8 one
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(
            line.encode("gbk" if n == index else "utf-8", errors="replace") for n, line in enumerate(lines)
        )
    if how == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", errors="surrogatepass")
    if how in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        return text.encode(how, errors="surrogatepass")
    if how in ("gb18030", "latin-1"):
        return text.encode(how, errors="replace")
    raw = text.encode("utf-8-sig" if how == "utf-8-sig" else "utf-8", errors="surrogatepass")
    if how == "truncate":
        return raw[: draw(st.integers(0, len(raw)))]
    if how == "flip" and raw:
        index = draw(st.integers(0, len(raw) - 1))
        return raw[:index] + bytes([draw(st.integers(0, 255))]) + raw[index + 1 :]
    return raw


# Problems of a whole file, which has no line or column to name (random bytes may start as a zip does):
# tests/input/test_office_files.py.
WHOLE_FILE = {"office-document", "legacy-office-document", "ods-document"}


def assert_handled(path: Path) -> None:
    """``validate`` and ``check`` cope with the file quickly:
    status 0/1/2, each problem of a refused file located.
    """
    start = time.perf_counter()
    validated = run_cli("validate", path, "--format", "json")
    assert validated.exit_code in (0, 2)
    document = json.loads(validated.stdout)
    assert document["exit_code"] == validated.exit_code
    whole = [p for p in document["problems"] if p["code"] in WHOLE_FILE]
    for problem in document["problems"]:
        assert problem["file"] == str(path)
        assert problem["message"] and problem["code"]
        if problem in whole:
            assert problem["line"] is None and problem["column"] is None, problem
            continue
        assert isinstance(problem["line"], int) and problem["line"] >= 1, problem
        assert isinstance(problem["column"], int) and problem["column"] >= 1, problem
    if validated.exit_code == 2:
        assert any(problem["severity"] == "error" for problem in document["problems"])
    with contextlib.chdir(path.parent):  # named short, its place on one line whatever the folder's length
        checked = run_cli("check", path.name, "--no-color")
    assert (checked.exit_code == 2) == (validated.exit_code == 2), checked.output
    if checked.exit_code == 2 and not whole:
        assert re.search(rf"{re.escape(path.name)}:\d+:\d+", checked.stdout), checked.output
    assert time.perf_counter() - start < SLOW, "a small file took too long: a hang in the making"


@FUZZ
@given(raw=encoded(mutated_lines()))
def test_mutated_lines(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "report.yaml"
    path.write_bytes(raw)
    assert_handled(path)


@FUZZ
@given(text=mutated_data())
def test_mutated_data(tmp_path: Path, text: str) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    assert_handled(path)


@FUZZ
@given(raw=encoded(random_yaml()))
def test_random_yaml(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "report.yaml"
    path.write_bytes(raw)
    assert_handled(path)


@FUZZ
@given(
    raw=st.one_of(
        st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
)
@example(raw=b"PK\x03\x04")  # a zip's start: a whole file's problem, without a line (Hypothesis found it)
def test_random_bytes_and_text(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "report.json"
    path.write_bytes(raw)
    assert_handled(path)


# A file name as any file system may hold it: bytes that are not UTF-8 (a zip from a Chinese Windows), control
# characters, spaces, look-alikes. Only "/" and NUL cannot be in a name.
file_names = (
    st.one_of(
        st.binary(min_size=1, max_size=60),
        st.text(min_size=1, max_size=30).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        st.sampled_from(["东安县", "冷水滩区"]).map(lambda t: t.encode("gbk")),
    )
    .map(lambda raw: raw.replace(b"/", b"_").replace(b"\0", b"_"))
    .filter(lambda raw: raw not in (b".", b".."))
)


@FUZZ
@given(name=file_names, suffix=st.sampled_from([b".yaml", b".json", b".YML", b""]))
def test_file_names(tmp_path: Path, name: bytes, suffix: bytes) -> None:
    """Whatever the name, the file is checked (by name, or found in its folder),
    the name shown as UTF-8 text.
    """
    folder = tmp_path / "names"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    raw_path = os.path.join(os.fsencode(folder), name + suffix)
    with open(raw_path, "wb") as file:
        file.write(TEXTS[VALID_SAMPLES[0]].encode("utf-8"))
    path = os.fsdecode(raw_path)
    named = run_cli("check", path, "--format", "json")
    document = json.loads(named.stdout)
    shown = [r["file"] for r in document["reports"]] + [bad["file"] for bad in document["invalid"]]
    assert len(shown) == 1 and all(s.encode("utf-8") for s in shown)
    if suffix != b".json":
        assert document["reports"], document["invalid"]
    scanned = run_cli("check", folder, "--format", "json")
    hidden = name.startswith(b".") or not suffix
    assert (scanned.exit_code == 2) == hidden or suffix == b".json"


# Encodings of terminals: a Chinese Windows console (GBK, Big5 in Taiwan), old Western consoles, ASCII.
TERMINAL_ENCODINGS = [
    "utf-8",
    "gbk",
    "gb18030",
    "big5",
    "shift_jis",
    "ascii",
    "latin-1",
    "cp437",
    "cp1252",
    "koi8-r",
]


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@FUZZ
@given(
    text=st.one_of(st.text(max_size=200), st.sampled_from(list(TEXTS.values()))),
    encoding=st.sampled_from(TERMINAL_ENCODINGS),
)
# a character of the plane a view's stand-ins are made in (``glyphs.kept_as_typed``: the private use plane
# before, the third now), and the filler after them: a user's own, escaped, not taken for a stand-in (found
# by CI's run)
@example(text="\U000f0000", encoding="gbk")
@example(text="\U00030000\U000e0fff x", encoding="gbk")
def test_output_encodings(monkeypatch: pytest.MonkeyPatch, text: str, encoding: str) -> None:
    """Any text to a terminal of any encoding: the bytes are that encoding, every character kept, replaced by
    the glyph table's fallback or escaped, and no exception."""
    from zhijiao_check.glyphs import FALLBACK
    from zhijiao_check.output import write

    # what a renderer could produce: no surrogates
    text = text.encode("utf-8", errors="replace").decode("utf-8")
    buffer = io.BytesIO()
    terminal = _Terminal(buffer, encoding=encoding)
    monkeypatch.setattr(sys, "stdout", terminal)
    write(text, None)
    shown = buffer.getvalue().decode(encoding)  # strict: every byte is the terminal's
    for char in set(text):
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            fallbacks = FALLBACK.get(char, ())
            assert (
                any(f in shown for f in fallbacks)
                or char.encode("ascii", "backslashreplace").decode() in shown
            )
        else:
            # as the encoding writes it: ``¥`` in Shift JIS is the byte of ``\\``, which a Japanese terminal
            # shows as ``¥``
            assert char.encode(encoding).decode(encoding) in shown or char in FALLBACK
