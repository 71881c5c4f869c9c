"""Different figures never look alike (README, "Decisions"): a figure compared with its target is shown to as
many places as tell the two apart, whatever it takes. With at most 6 places, a report's
``appropriation_per_student: 9999.9999999`` read ``生均拨款 10000 < 10000``, in the table and in JSON's
explanation alike (measure.numbers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import SAMPLES
from hypothesis import assume, example, given
from hypothesis import strategies as st
from input.helpers import run_cli

from zhijiao_check.i18n import Translator
from zhijiao_check.measure.conditions import apart
from zhijiao_check.measure.numbers import places, show

ZH, EN = Translator("zh"), Translator("en")
# What a report may hold for an amount (yuan: up to 10亿), and the targets the rules compare it with.
AMOUNTS = st.floats(min_value=0, max_value=1_000_000_000, allow_nan=False, allow_infinity=False)
TARGETS = st.one_of(st.sampled_from([10_000, 12_000, 1, 6, 0, 10_000.0]), AMOUNTS)


@given(observed=AMOUNTS, target=TARGETS)
@example(observed=9999.9999999, target=10_000)  # the tester's report
@example(observed=9999.999999999998, target=10_000)  # the float just below
@example(observed=10_000.000000000002, target=10_000)  # and just above
@example(observed=5e-324, target=0)  # the least float above 0: 324 places
@example(observed=209.99999999999997, target=209.99999999999994)
def test_an_observed_figure_never_reads_like_a_different_target(observed: float, target: float) -> None:
    assume(observed != target)
    left, right = apart(observed, target)
    for tr in (ZH, EN):
        assert tr.render(left) != tr.render(right)


@given(observed=st.floats(0, 1, allow_nan=False), target=st.floats(0, 1, allow_nan=False))
@example(observed=0.449999999, target=0.45)
@example(observed=0.9999999999999999, target=1.0)
def test_a_share_never_reads_like_a_different_target(observed: float, target: float) -> None:
    """A share is shown as its hundredfold: two shares whose hundredfolds differ never read alike."""
    assume(observed * 100 != target * 100)
    digits = places(observed, target)
    for tr in (ZH, EN):
        assert tr.render(show(observed, "ratio", digits)) != tr.render(show(target, "ratio", digits))


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("zh", "生均拨款 9999.9999999 < 10000"), ("en", "appropriation per student 9999.9999999 < 10000")],
)
def test_a_report_funded_at_9999_9999999_is_shown_so_in_the_table_and_in_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, shown: str
) -> None:
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    assert "appropriation_per_student: 9200" in text
    report = tmp_path / "near.yaml"
    report.write_text(
        text.replace("appropriation_per_student: 9200", "appropriation_per_student: 9999.9999999")
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")  # the explanation on one line of the table
    args = ("check", "near.yaml", "--select", "c16.secondary-funding", "--lang", lang, "--no-color")
    table = run_cli(*args)
    assert table.exit_code == 1 and shown in table.stdout
    document = json.loads(run_cli(*args, "--format", "json").stdout)
    [result] = document["reports"][0]["results"]
    [failing] = [item for item in result["items"] if item["status"] == "fail"]
    assert failing["explanation"] == shown and failing["observed"] == 9999.9999999
