"""The time words of targets.md, as properties of ``engine.timing`` over any year,
target and observed value.
"""

from __future__ import annotations

from factory import validated
from hypothesis import given, settings
from hypothesis import strategies as st

from zhijiao_check.engine import timing
from zhijiao_check.kinds.count import CountRule
from zhijiao_check.measure.numbers import near
from zhijiao_check.measure.outcome import Measure

years = st.integers(min_value=2021, max_value=2035)
targets = st.integers(min_value=1, max_value=60)
observed = st.integers(min_value=0, max_value=80)


def rule(time: dict, target: int, tolerance: float | None = None) -> CountRule:
    return validated(
        CountRule,
        {
            "kind": "count",
            "id": "c90.test",
            "title": {"zh": "测试", "en": "Test"},
            "clause": 90,
            "quote": "测试条款原文",
            "scope": "city",
            "of": {"over": "majors"},
            "time": time,
            "target": {"op": ">=", "value": target, **({"tolerance": tolerance} if tolerance else {})},
        },
    )


def measured(value: int | None, target: CountRule) -> Measure:
    met = None if value is None else value >= target.target.value
    close = bool(value is not None and not met and near(value, target.target))
    return Measure(value, met, "", near=close)


@settings(max_examples=300)
@given(
    year=years,
    due=st.integers(min_value=2022, max_value=2030),
    target=targets,
    value=observed,
    linear=st.booleans(),
)
def test_a_due_rule_passes_when_met_and_waits_until_due_otherwise(year, due, target, value, linear):
    r = rule({"due": due, "linear": linear}, target)
    status = timing.decide(r, year, measured(value, r), 2020)
    if value >= target:
        assert status == "pass"
    elif year >= due:
        assert status == "fail"
    elif linear and value < target * (year - 2020) / (due - 2020):
        assert status == "behind"
    else:
        assert status == "pending"


@settings(max_examples=200)
@given(year=years, due=st.integers(min_value=2022, max_value=2030), target=targets)
def test_missing_data_is_missing_when_due_and_pending_before(year, due, target):
    r = rule({"due": due, "linear": True}, target)
    assert timing.decide(r, year, measured(None, r), 2020) == ("missing" if year >= due else "pending")


@settings(max_examples=200)
@given(year=years, start=st.integers(min_value=2022, max_value=2030), target=targets, value=observed)
def test_a_yearly_rule_applies_from_its_first_year_and_is_judged_every_year(year, start, target, value):
    r = rule({"every_year": start}, target)
    assert timing.applies_in(r, year) == (year >= start)
    if year >= start:
        assert timing.decide(r, year, measured(value, r), 2020) == ("pass" if value >= target else "fail")


@given(value=st.integers(min_value=0, max_value=25))
def test_about_twenty_warns_within_ten_percent(value):
    r = rule({"due": 2025}, 20, tolerance=0.1)
    expected = "pass" if value >= 20 else "warn" if value >= 18 else "fail"
    assert timing.decide(r, 2025, measured(value, r), 2020) == expected


@given(year=st.integers(min_value=2021, max_value=2024))
def test_the_linear_schedule_is_the_target_times_elapsed_over_planned_years(year):
    r = rule({"due": 2025, "linear": True}, 30)
    assert timing.expected(r, year, 2020) == 30 * (year - 2020) / 5
    assert timing.expected(r, 2025, 2020) is None


@settings(max_examples=200)
@given(
    year=years,
    start=st.integers(min_value=2021, max_value=2030),
    length=st.integers(min_value=0, max_value=5),
    due=st.integers(min_value=2022, max_value=2030),
    form=st.sampled_from(["every_year", "from", "due", "from-due"]),
)
def test_a_rule_with_until_applies_from_its_first_year_to_until_only(year, start, length, due, form):
    time: dict[str, object] = {
        "every_year": {"every_year": start},
        "from": {"from": start},
        "due": {"due": due},
        "from-due": {"from": min(start, due), "due": due},
    }[form]
    first = time.get("every_year", time.get("from"))
    until = (first if isinstance(first, int) else 2021) + length
    r = rule({**time, "until": until}, 10)
    assert timing.applies_in(r, year) == ((not isinstance(first, int) or year >= first) and year <= until)
