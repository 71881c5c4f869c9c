"""The heat map of a year with several reports: its units ranked by score, a cell per rule in its status's
colour."""

from __future__ import annotations

from zhijiao_check.i18n import Translator
from zhijiao_check.renderers.markup import escaped, tag
from zhijiao_check.renderers.matrix import YearMatrix
from zhijiao_check.renderers.page.marks import BLANK, legend, report_anchor
from zhijiao_check.renderers.texts import score_text
from zhijiao_check.renderers.unfiled import NOT_FILED
from zhijiao_check.status import Status


def heat_map(matrix: YearMatrix, tr: Translator) -> str:
    """A year's units × rules, each unit's name a link to its report's drill-down; a unit whose report was
    refused as invalid after the ranked ones, then each unit that filed nothing that year, rows blank."""
    head = [
        tag("th", escaped(tr("render.rank")), class_="num"),
        tag("th", escaped(tr("render.unit"))),
        tag("th", escaped(tr("render.score")), class_="num"),
    ]
    # Chinese: the short title, the ID on hover; English: the ID, the title on hover.
    head += [
        tag(
            "th",
            tag("span", escaped(c.short if tr.lang == "zh" else c.rule)),
            class_="rule",
            title=c.rule if tr.lang == "zh" else c.title,
            data_rule=c.rule,
        )
        for c in matrix.columns
    ]
    rows = []
    for row in matrix.rows:
        cells = []
        for column, cell in zip(matrix.columns, row.cells):
            if cell is None:
                cells.append(tag("td", "", class_="cell", style=f"background:{BLANK}"))
                continue
            said = tr(f"render.status-{cell['status']}")  # in the page's language, as a chip says it
            tip = f"{row.unit} · {column.rule} {column.title}{tr.colon}{said} · {cell['explanation']}"
            cells.append(
                tag(
                    "td",
                    Status(cell["status"]).glyph,
                    class_="cell",
                    title=tip,
                    data_rule=column.rule,
                    data_status=cell["status"],
                    style=f"background:{Status(cell['status']).colour}",
                )
            )
        score = score_text(row.score)
        rows.append(
            tag(
                "tr",
                tag("td", str(row.rank or "—"), class_="num")
                + tag("td", tag("a", escaped(row.unit), href=f"#{report_anchor(row.report)}"))
                + tag("td", score, class_="num score")
                + "".join(cells),
                data_unit=row.unit,
                data_rank=row.rank or "",
                data_score=score,
            )
        )
    refused = tag("td", escaped(tr("render.report-invalid")), class_="problem")
    blank = tag("td", "", class_="cell", style=f"background:{BLANK}") * len(matrix.columns)
    rows += [
        tag(
            "tr",
            tag("td", "—", class_="num")
            + tag("td", tag("a", escaped(name), href="#invalid"))
            + refused
            + blank,
            data_unit=name,
            data_status="invalid",
        )
        for name in matrix.refused
    ]
    # a unit that filed nothing has no report to link to
    absent = tag("td", escaped(tr("render.not-filed")), class_="problem")
    rows += [
        tag(
            "tr",
            tag("td", "—", class_="num") + tag("td", escaped(name)) + absent + blank,
            data_unit=name,
            data_status=NOT_FILED,
        )
        for name in matrix.not_filed
    ]
    table = tag(
        "div",
        tag(
            "table",
            tag("thead", tag("tr", "".join(head))) + tag("tbody", "".join(rows)),
            class_="heat",
        ),
        class_="scroll",
    )
    return tag(
        "section",
        tag("h2", escaped(tr("render.matrix-title", year=matrix.year))) + table + legend(tr),
        class_="matrix",
        id=f"matrix-{matrix.year}",
        data_year=matrix.year,
    )
