"""Why YAML's loader could not read a plain scalar its resolver took for a date or a number, in the message
catalogue's words: Python's own reason (``month must be in 1..12``) is English inside a Chinese message.

A date is read as YAML 1.1 writes one (``2024-09-04``, or with a time of day: ``2024-09-04 08:30:00``); the
reason names the part that is out of range, with the range it must be in.
"""

from __future__ import annotations

import re

from zhijiao_check.patterns import later
from zhijiao_check.wording import Msg, msg

_DATE = later(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2}))?",
    re.ASCII,
)


def scalar_reason(kind: str, text: str) -> Msg:
    """Why the scalar ``text`` of YAML's type ``kind`` (its tag's last part: ``timestamp``, ``int``, …) could
    not be read (``source.yamltree``'s ``bad-scalar``)."""
    if kind == "timestamp":
        return date_reason(text)
    if kind in ("int", "float"):
        return msg("report.bad-scalar-number")
    return msg("report.bad-scalar-other")


def date_reason(text: str) -> Msg:
    """The part of the date ``text`` out of range: its year, month, day or time of day."""
    found = _DATE.match(text)
    if found is None:
        return msg("report.bad-scalar-date")
    year, month, day = (int(found.group(name)) for name in ("year", "month", "day"))
    if year < 1:
        return msg("report.bad-scalar-year", year=found.group("year"))
    if not 1 <= month <= 12:
        return msg("report.bad-scalar-month", month=month)
    import calendar  # a date out of range is rare: a run that reads none never imports it

    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return msg("report.bad-scalar-day", day=day, year=year, month=month, last=last)
    if found.group("hour") is not None:
        hour, minute, second = (int(found.group(name)) for name in ("hour", "minute", "second"))
        if hour > 23 or minute > 59 or second > 59:
            return msg("report.bad-scalar-time", time=f"{hour:02}:{minute:02}:{second:02}")
    return msg("report.bad-scalar-date")
