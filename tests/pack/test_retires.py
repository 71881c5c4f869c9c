"""An amendment pack ending another pack's rule from a year on with none taking over: ``pack.yaml``'s
``retires: [{rule: ID, from: 2024}]``. The rule is judged until the year before, as ``until: 2023`` in a
copy of its pack would say; the base pack is untouched. An entry that cannot hold is refused at its
``rule`` or its ``from`` in ``pack.yaml``, as a ``replaces`` is in a rule file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import city_year, write_reports

from pack.common import run
from pack.test_replaces import NEW, _base_place, amendment
from pack.test_until import OLD
from zhijiao_check.pack.load import load_packs


def retiring(tmp_path: Path, *entries: str, name: str = "amend") -> Path:
    """An amendment pack (``test_replaces.amendment``: its rule of 35 enterprises, from 2024) whose
    ``pack.yaml`` retires each of ``entries`` (``{rule: ID, from: YEAR}``)."""
    pack = amendment(tmp_path, name=name)
    info = pack / "pack.yaml"
    listed = "".join(f"  - {entry}\n" for entry in entries)
    info.write_text(info.read_text(encoding="utf-8") + "retires:\n" + listed, encoding="utf-8")
    return pack


def _refused(pack: Path, lang: str, *more: Path) -> list[str]:
    added = [arg for extra in (pack, *more) for arg in ("--rules", extra)]
    result = run("rules", *added, "--lang", lang)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    return result.stderr.splitlines()[1:]


def _at(pack: Path, index: int, key: str) -> str:
    """``pack.yaml:line:column`` of the value of ``key`` in the ``index``-th entry of ``retires``."""
    path = pack / "pack.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines.index("retires:") + 1 + index
    line = lines[first]
    return f"{path}:{first + 1}:{line.index(key + ': ') + len(key) + 3}"


def test_a_retired_rule_is_judged_until_the_year_before_none_taking_over(tmp_path: Path) -> None:
    pack = retiring(tmp_path, f"{{rule: {OLD}, from: 2024}}")
    base, amend = load_packs([pack])
    old = next(rule for rule in base.rules if rule.id == OLD)
    assert (old.time.until, old.time.replaced_by, old.time.due) == (2023, None, 2025)
    assert amend.info.retires[0].rule == OLD and amend.info.retires[0].from_ == 2024
    # the base pack alone is as written
    alone = next(rule for rule in load_packs([])[0].rules if rule.id == OLD)
    assert alone.time.until is None
    folder = tmp_path / "reports"
    write_reports(folder, [r for year in (2023, 2024) for r in city_year(year, enterprises=12)])
    result = run("check", folder, "--rules", pack, "--select", OLD, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    statuses = {
        c["year"]: next(r["status"] for r in c["results"] if r["rule"] == OLD)
        for c in json.loads(result.stdout)["city"]
    }
    assert statuses == {2023: "behind", 2024: "not_applicable"}


UNKNOWN = "c8.demonstration-enterprise"
CASES = [
    (
        f"{{rule: {UNKNOWN}, from: 2024}}",
        "rule",
        "retires[0].rule",
        (
            f"retires 写了 {UNKNOWN}，所加载的规则包中没有这条规则："
            f"应写 2024 年起不再判定的另一个规则包的规则编号（是否 {OLD}？）"
        ),
        (
            f"retires names {UNKNOWN}, which is no rule of the packs loaded:"
            f" write the ID of the other pack's rule judged no more from 2024 ({OLD}?)"
        ),
    ),
    (
        f"{{rule: {NEW}, from: 2025}}",
        "rule",
        "retires[0].rule",
        (
            f"retires 写了 {NEW}，但它是本规则包（{{own}}）的规则：应在 {NEW} 的 time 中写 until: 2024，"
            "并去掉这一项（retires 用于修订规则包结束另一个规则包的规则）"
        ),
        (
            f"retires names {NEW}, a rule of this pack ({{own}}): write until: 2024 in {NEW}'s time"
            " and leave out this entry (retires is for an amendment pack ending another pack's rule)"
        ),
    ),
    (
        f"{{rule: {OLD}, from: 2021}}",
        "from",
        "retires[0].from",
        (
            f"retires 自 2021 年起结束 {OLD}，但 {OLD}（yzf-2021-7，{{base}}）自 2021 年起才判定，"
            f"结束后它在任何年份都不判定：应写 from: 2022 或更晚；若 {OLD} 一年也不判定，"
            f"应去掉这一项，用 --ignore {OLD} 排除它"
        ),
        (
            f"retires ends {OLD} from 2021, but {OLD} (yzf-2021-7, {{base}}) is judged from 2021 only,"
            f" so it would be judged in no year: write from: 2022 or later; to judge {OLD} in no year,"
            f" leave out this entry and leave it out of the run with --ignore {OLD}"
        ),
    ),
    (
        f"{{rule: {OLD}, from: 2030}}",
        "from",
        "retires[0].from",
        (
            f"retires 自 2030 年起结束 {OLD}，但 {OLD}（yzf-2021-7，{{base}}）所在规划的目标"
            "到 2025 年止，2030 在规划之外：应写 from: 2022 到 2026 之间的年份"
        ),
        (
            f"retires ends {OLD} from 2030, but the plan of {OLD} (yzf-2021-7, {{base}}) has its"
            " targets due by 2025, and 2030 is outside it: write from: a year from 2022 to 2026"
        ),
    ),
]


@pytest.mark.parametrize(("entry", "key", "path", "zh", "en"), CASES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_entry_that_cannot_hold_is_refused_where_it_is_written(
    tmp_path: Path, entry: str, key: str, path: str, zh: str, en: str, lang: str
) -> None:
    pack = retiring(tmp_path, entry)
    own = f"{pack / 'clause-90.yaml'}:2"
    expected = (zh if lang == "zh" else en).format(base=_base_place(), own=own)
    assert _refused(pack, lang) == [f"{_at(pack, 0, key)}: {path}: {expected}"]


def test_a_rule_ended_twice_is_refused_at_the_second(tmp_path: Path) -> None:
    pack = retiring(tmp_path, f"{{rule: {OLD}, from: 2024}}", f"{{rule: {OLD}, from: 2025}}")
    first = f"{pack / 'pack.yaml'}:{_at(pack, 0, 'rule').split(':')[-2]}"
    said = f"retires names {OLD}, but {first} already ends {OLD}: a rule is ended once only"
    assert _refused(pack, "en") == [
        f"{_at(pack, 1, 'rule')}: retires[1].rule: {said}; leave out one of the two"
    ]


def test_from_is_required(tmp_path: Path) -> None:
    pack = retiring(tmp_path, f"{{rule: {OLD}}}")
    where = _at(pack, 0, "rule").rsplit(":", 1)[0]  # the entry's line; its column is the mapping's
    line = where.rsplit(":", 1)[1]
    said = _refused(pack, "en")
    assert (
        f"{pack / 'pack.yaml'}:{line}:5: retires[0].from: from is missing: write from, which takes a whole"
        " number at least 1900 and at most 2100"
    ) in said, said
