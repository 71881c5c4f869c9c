"""A cell as Excel shows it, and what a clerk cannot see in it: each check returns the problem to say at the
cell (a ``Slip``), or None, and the reader (``cellreader``) places it.

A formula's binary noise (``3.0000000000000004`` shown as 3), a year typed into a date-formatted cell (2004
shown as 1905-06-26), a count in a percent-formatted one (0.5 shown as 50%), spaces and line breaks around a
name (hidden by the cell), names run together in one list cell (``先进装备制造 农产品精深加工``).
"""

from __future__ import annotations

from zhijiao_check.patterns import later
from zhijiao_check.problems import Severity
from zhijiao_check.records import record
from zhijiao_check.report.joined import joined_by, names_in, numbered
from zhijiao_check.report.scalars import LINE_BREAK, LINE_BREAKS, NONE_WORDS, render
from zhijiao_check.report.workbook.grids import Cell
from zhijiao_check.report.workbook.layout import LIST_SEPARATORS, NONE_WORD, Column, split_list
from zhijiao_check.wording import Join, Wording, msg

_QUOTED = later(r'"[^"]*"')
# What a figure's field holds, by its kind or unit of measure: the report's own words (``report.expected-*``).
_EXPECTED = {
    "year": "report.expected-year",
    "人": "report.expected-count",
    "个": "report.expected-count",
    "门": "report.expected-count",
    "元": "report.expected-yuan",
    "元/生·年": "report.expected-yuan",
    "万元": "report.expected-wan_yuan",
    "月": "report.expected-months",
}


@record
class Slip:
    """A problem of a cell: its message's code and parameters, and how grave it is."""

    code: str
    params: dict[str, object]
    severity: Severity = "error"


def noiseless(value: float) -> float:
    """The number as Excel shows it, to its 15 significant digits: a formula's 3.0000000000000004 (binary
    noise) is 3, and 1419.9999999999998 is 1420. A figure typed with a fraction keeps it (6.5 months); one of
    more digits than Excel keeps is read as Excel shows it too."""
    return float(f"{value:.15g}")


def misformatted(cell: Cell, spec: Column) -> Slip | None:
    """The cell's format shows its number as something else: a year shown as a date (2004 as 1905-06-26), a
    count or an amount shown as a percentage (0.5 as 50%, what typing 50% stores). No field of a report is a
    share: each holds a count, an amount, months or a year. A real date in a figure's cell is the
    validator's (its advice names the date's year)."""
    value = cell.value
    serial = cell.serial  # the number stored, where the format shows a date
    if spec.kind == "year" and serial is not None and _a_year(serial, spec):
        return Slip("year-formatted-as-date", {"year": int(serial), "shown": render(value)})
    if (
        spec.kind in ("whole", "number", "year")
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and (digits := _percent_digits(cell.number_format)) is not None
    ):
        token = _EXPECTED.get(spec.kind if spec.kind == "year" else spec.measure, "report.expected-count")
        return Slip(
            "percent-format",
            {
                "found": render(int(value) if float(value).is_integer() else noiseless(value)),
                "shown": f"{value * 100:.{digits}f}%",
                "expected": msg(token, low=_plain(spec.low), high=_plain(spec.high)),
            },
        )
    return None


def joined(text: str) -> tuple[list[str], Slip] | None:
    """Names a list cell runs together, which its only separator 、 (or a new line) would keep apart:
    ``先进装备制造 农产品精深加工`` is one item, counted as one industry (``report.joined``). Names the cell
    does keep apart but numbers (``1.甲；2.乙``, ``1、甲、2、乙``) are not run together, and do not count as
    one: they are refused for their numbers (``names-numbered``). The names it means (a word for none among
    them left out: the advice for ``无 电子信息`` is ``电子信息``, not ``无、电子信息``, which is refused in
    turn), and the problem to say at it; None for a cell whose names are kept apart."""
    found = joined_by(text, LIST_SEPARATORS)
    if found is None:
        return None
    items, named = split_list(text), names_in(text)
    names = [name for name in named if name.lower() not in NONE_WORDS]
    if not names:  # ``无 -``: no name at all, but none said otherwise than by 无 alone
        return [], Slip("list-no-names", {"found": text.strip(), "none": NONE_WORD})
    params: dict[str, object] = {"found": text.strip(), "separator": found, "write": _once(names)}
    if numbered(text) and len(named) <= len(items):
        return names, Slip("names-numbered", params)
    return names, Slip("names-joined", {**params, "count": len(items)})


def none_among_names(text: str) -> tuple[list[str], Slip] | None:
    """A list cell that says "none" other than by 无 alone: 无 with a separator (``无、``), separators and no
    name (``、``), a word for none (``没有``, ``-``), or such a word beside names (``无、先进装备制造``). Read
    as 无 was, ``无、`` passed as one industry named 无 and ``、`` as an empty list without a word. The names
    the cell holds, and the problem to say at it; None for a cell that is plainly 无 or names."""
    if text.strip() == NONE_WORD:
        return None
    items = split_list(text)
    names = [item for item in items if item.lower() not in NONE_WORDS]
    if names == items and items:
        return None
    found = text.strip()
    if not names:
        return [], Slip("list-no-names", {"found": found, "none": NONE_WORD})
    nones = [item for item in items if item.lower() in NONE_WORDS]
    return names, Slip("list-none-beside-names", {"found": found, "none": nones[0], "write": _once(names)})


def _once(names: list[str]) -> str:
    """The names to write, each once: advice that repeats a name is refused in turn, as a duplicate."""
    return "、".join(dict.fromkeys(names))


def trimmed(text: str) -> tuple[str, Slip | None]:
    """A name as it reads in its cell: spaces and line breaks at its ends, which a cell hides, taken off with
    a warning that names them; a line break inside, an error (a name is one line), read without it so that
    the rows naming the school still find it."""
    inner = text.strip()
    if LINE_BREAK.search(inner):
        one_line = LINE_BREAKS.sub("", inner)
        parts = [part.strip() for part in LINE_BREAK.split(inner) if part.strip()]
        lines = tuple(msg("workbook.quoted", text=part) for part in parts)
        return one_line, Slip(
            "line-break-in-text", {"lines": Join(lines), "count": len(lines), "write": one_line}
        )
    if inner == text:
        return text, None
    start, end = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    where = tuple(
        msg(f"workbook.trimmed-{side}", what=_spaces(part))
        for side, part in (("start", start), ("end", end))
        if part
    )
    return inner, Slip(
        "text-trimmed", {"where": Join(where, msg("workbook.trimmed-and")), "value": inner}, "warning"
    )


def _a_year(number: float, spec: Column) -> bool:
    """Whether a date cell's stored number is itself a year the field takes (2004, shown as 1905-06-26)."""
    return float(number).is_integer() and (spec.low or 0) <= number <= (spec.high or 0)


def _plain(bound: float | None) -> str:
    return "" if bound is None else str(int(bound)) if float(bound).is_integer() else str(bound)


def _percent_digits(number_format: str) -> int | None:
    """The decimals a percentage format shows (``0%``: 0, ``0.00%``: 2); None for any other format."""
    bare = _QUOTED.sub("", number_format)
    if "%" not in bare.replace("\\%", ""):
        return None
    fraction = bare.partition("%")[0].rpartition(".")
    return fraction[2].count("0") if fraction[1] else 0


def _spaces(part: str) -> Wording:
    """``2 个空格``, ``一个换行``: the spaces and line breaks taken off one end of a name."""
    breaks = len(LINE_BREAK.findall(part))
    spaces = len(LINE_BREAK.sub("", part))
    kinds: list[Wording] = []
    if spaces:
        kinds.append(msg("workbook.spaces", count=spaces))
    if breaks:
        kinds.append(msg("workbook.line-breaks", count=breaks))
    return Join(tuple(kinds), msg("workbook.trimmed-and"))
