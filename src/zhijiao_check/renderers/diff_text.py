"""``diff``'s text: what changed in a unit's report between two years, a field a line, and the rules whose
status changed. Each field is named by its key and, where it has one, its label (``enrollment
.secondary_vocational（中职招生）``); a workbook's field by what its clerk sees, its sheet, cell and
column's header (``本单位!C7（高中阶段招生 · 中职招生）``), its key on the line under it. Where a line
would not fit the width, it is broken where a reader expects (``_folded``) and the places of the change in
the two files go on the lines under it, never cut or wrapped at the terminal's edge."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhijiao_check.i18n import Lang, Translator
from zhijiao_check.patterns import later

SIGN = {"changed": "~", "added": "+", "removed": "-"}
_UNDER = "      "  # where the places go when they do not fit after the change
_GO_ON = "    "  # a line too wide goes on under its start (``_folded``)
_ENTRY_END = later(r"(?<=\])(?=\.)")


def unit_text(doc: dict[str, Any], tr: Translator, width: int, shown: Mapping[int, str] | None = None) -> str:
    """The text of one unit's diff, ``width`` cells wide. ``shown``: the glyphs a terminal shows in place of
    others (``renderers.fallbacks.as_shown``: ``→`` as ``->`` on a GBK console), in place in ``doc`` and
    ``tr``'s texts already, here put in place of the text's own arrows and dashes before they are
    measured."""
    from zhijiao_check.measure.numbers import show
    from zhijiao_check.renderers.layout.text import cell_len
    from zhijiao_check.renderers.texts import at, score_text

    arrow, none, lang = "→".translate(shown or {}), "—".translate(shown or {}), tr.lang
    old, new = doc["old"], doc["new"]
    # The title broken, where it does not fit, before each file's name (``_folded``)
    title = tr(
        "cli.diff-title", unit=new["unit"], old_year=old["year"], new_year=new["year"], old="\0", new="\1"
    )
    head, _, rest = title.partition("\0")
    between, _, tail = rest.partition("\1")
    # the unit and the years broken where they alone do not fit, the space before the first file kept
    *above, last = _wrapped(head.rstrip(), width, lang)
    head = last + head[len(head.rstrip()) :]
    out = [
        *above,
        *_folded("", [head, old["file"] + between, new["file"] + tail], width, lang, wrap=False),
        *_wrapped(
            tr("cli.diff-scores", old=score_text(old["score"]), new=score_text(new["score"])), width, lang
        ),
    ]
    if doc.get("renamed"):  # the fields give the name now, whatever each report says
        out += _wrapped(doc["renamed"]["message"], width, lang)
    if doc.get("warnings"):  # before the changes: they say whether the comparison is the one meant
        out += ["", *_wrapped(tr("cli.diff-warnings", count=len(doc["warnings"])), width, lang)]
        for warning in doc["warnings"]:
            out += _wrapped(f"  {at(warning)}: {warning['message']}", width, lang)
    out += ["", *_wrapped(tr("cli.diff-fields", count=len(doc["changes"])), width, lang)]
    for c in doc["changes"]:
        cell = _book_cell(c)
        # a workbook's place without its column's header where the line leads with it (the same column)
        places = [
            f"{side['file']}:{(_bare(c[f'{key}_cell']) if cell else c[f'{key}_cell']) or c[f'{key}_line']}"
            for side, key in ((old, "old"), (new, "new"))
            if c[f"{key}_line"]
        ]
        old_value, new_value = _as_book_shows(c, tr)
        if c["kind"] == "changed":
            what = f"{_value(old_value, none)} {arrow} {_value(new_value, none)}"
        else:
            what = _value(new_value if c["kind"] == "added" else old_value, none)
        if (
            cell
        ):  # a workbook's change: what its clerk sees first (sheet, cell, header), the YAML path under it
            out += _folded(f"  {SIGN[c['kind']]} ", [f"{cell}{tr.colon}", what], width, lang)
            lines = _path_lines(c["path"], width, lang)
        else:
            pieces = [*_ENTRY_END.split(f"{_labelled(c['path'], tr)}{tr.colon}"), what]
            lines = _folded(f"  {SIGN[c['kind']]} ", pieces, width, lang)
        out += [*lines[:-1], *_beside(lines[-1], places, width, arrow)]
    if not doc["changes"]:
        out += _wrapped("  " + tr("cli.diff-none"), width, lang)
    out += ["", *_wrapped(tr("cli.diff-statuses", count=len(doc["statuses"])), width, lang)]
    for s in doc["statuses"]:
        before, after = (tr.render(show(s[key], s["unit"])) for key in ("old_observed", "new_observed"))
        title, change = f"{s['title']}{tr.colon}", f"{s['old'] or none} {arrow} {s['new']}"
        lines = _folded("  ", [s["rule"], f" {title}{change}"], width, lang, wrap=False)
        if cell_len(lines[-1]) > width:  # the rule's title and its change apart, the change whole
            lines = [lines[0], *_folded(_GO_ON, [title, change], width, lang)]
        out += [*lines[:-1], *_beside(lines[-1], [f"{before} {arrow} {after}"], width, arrow)]
    out += _wrapped(tr("cli.diff-unchanged", count=doc["unchanged_rules"]), width, lang)
    return "\n".join(out) + "\n"


def _folded(sign: str, pieces: list[str], width: int, lang: Lang, wrap: bool = True) -> list[str]:
    """``sign`` and the ``pieces`` of a line on one line where they fit the width; else as many pieces on each
    line as fit (the first always beside ``sign``), the lines after the first indented under it: a change
    broken before each ``.`` after a list's entry (``schools[东安县职业中等专业学校]`` over
    ``.majors[机电技术应用].enrollment…``) and before its values, a status after its rule's ID. A line
    still too wide is then broken between words (``_wrapped``) unless ``wrap`` is False (file names)."""
    from zhijiao_check.renderers.layout.text import cell_len

    lines = [sign + pieces[0]]
    for piece in pieces[1:]:
        if cell_len(lines[-1] + piece) > width:
            lines[-1] = lines[-1].rstrip()
            lines.append(_GO_ON + piece.lstrip())
        else:
            lines[-1] += piece
    return [part for line in lines for part in _wrapped(line, width, lang)] if wrap else lines


def _wrapped(line: str, width: int, lang: Lang) -> list[str]:
    """A line still too wide (a heading, a long label or rule title; not a place, broken by ``_beside``, nor
    a file's name) broken between words, and in Chinese between characters, its lines after the first
    under its text."""
    from zhijiao_check.renderers.layout.chinese import broken_line

    return broken_line(line, width, len(_GO_ON), lang)


def _beside(said: str, places: list[str], width: int, arrow: str) -> list[str]:
    """``said  (places)`` where it fits the width; else the places in brackets on the lines under it, the
    second one a line of its own where both do not fit on one."""
    from zhijiao_check.renderers.layout.text import cell_len

    if not places:
        return [said]
    joined = f"({f' {arrow} '.join(places)})"
    if cell_len(said) + 2 + cell_len(joined) <= width:
        return [f"{said}  {joined}"]
    if cell_len(_UNDER + joined) <= width or len(places) == 1:
        return [said, _UNDER + joined]
    return [said, f"{_UNDER}({places[0]} {arrow}", f"{_UNDER} {places[1]})"]


def _book_cell(change: Mapping[str, Any]) -> str | None:
    """The cell a change is at in a workbook, as its clerk finds it (``学校!F3（在校生）``: sheet, cell and
    the column's header): this year's where the new report is a workbook and has the field, else last
    year's; None where neither side is a workbook's cell (two YAML reports)."""
    if change["new_line"] and change["new_cell"]:
        return str(change["new_cell"])
    if change["old_line"] and change["old_cell"]:
        return str(change["old_cell"])
    return None


def _bare(cell: str | None) -> str | None:
    """A workbook's cell without its column's header: ``学校!F3`` of ``学校!F3（在校生）``."""
    return cell.partition("（")[0] if cell else cell


def _path_lines(path: str, width: int, lang: Lang) -> list[str]:
    """A workbook's change's YAML path on the line under its cell, broken after a list's entry where it does
    not fit the width, each line as far in as the first (``_UNDER``), as the places under a change are."""
    from zhijiao_check.renderers.layout.chinese import broken_line
    from zhijiao_check.renderers.layout.text import cell_len

    lines = [_UNDER]
    for piece in _ENTRY_END.split(path):
        if lines[-1].strip() and cell_len(lines[-1] + piece) > width:
            lines.append(_UNDER)
        lines[-1] += piece
    return [part for line in lines for part in broken_line(line, width, len(_UNDER), lang)]


def _labelled(path: str, tr: Translator) -> str:
    """``schools[东安县职业中等专业学校].majors[机电技术应用].enrollment（当年招生）``: the path, and the
    field's label where it has one (the label of a field depends on the list it is in)."""
    from zhijiao_check.measure.conditions import field_label

    head, bracket, field = path.rpartition("].")
    if not bracket and "[" in path:  # an entry of a list itself: schools[东安县舜德职业学校]
        return path
    over = head.rpartition("[")[0].rpartition(".")[2] if bracket else None  # the list the field is in
    name = field.split("[")[0]
    label = tr.render(field_label(name, over or None))
    return path if label == name else f"{path}{tr('engine.paren', text=label)}"


# The fields whose values are codes a workbook shows by name (a designation's column is headed 楚怡专业, and
# its cell says 是): a workbook's user never saw ``chuyi``.
_NAMED_CODES = frozenset(("designations",))


def _as_book_shows(change: Mapping[str, Any], tr: Translator) -> tuple[Any, Any]:
    """A change's old and new values; of a workbook's change (each side it is in placed at a cell), a code
    of ``_NAMED_CODES`` by its name in the language shown (优质中职专业, quality major), not its code."""
    from zhijiao_check.i18n import exists

    values = change["old"], change["new"]
    sides = [change[f"{key}_cell"] for key in ("old", "new") if change[f"{key}_line"]]
    field = change["path"].rpartition(".")[2].split("[")[0]
    if field not in _NAMED_CODES or not sides or not all(sides):
        return values

    def named(v: Any) -> Any:
        return tr(f"report.meaning-{v}") if isinstance(v, str) and exists(f"report.meaning-{v}") else v

    return named(values[0]), named(values[1])


def _value(v: Any, none: str) -> str:
    """A value as the diff shows it; ``none`` (a dash) for no value."""
    from zhijiao_check.wording import number

    if isinstance(v, dict):
        return "{" + ", ".join(f"{key}: {_value(item, none)}" for key, item in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_value(item, none) for item in v) + "]"
    return none if v is None else number(v) if not isinstance(v, str) else v
