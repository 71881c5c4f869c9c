"""A valid report that gives its unit's former name (a year before the renaming) counts as the unit it is
now: one unit over the years for the city-wide roll-up, trends, ``diff``, ``--previous`` and
``template --from``."""

from __future__ import annotations

from typing import Any

from zhijiao_check.units import UnitRegistry


def as_called_now(data: dict[str, Any], units: UnitRegistry) -> dict[str, Any] | None:
    """Turn ``data``'s ``unit:`` (a valid report's) into the unit's current name and code, and return it as
    the report gave it; None (``data`` left as it is) when it gives the current name."""
    unit = data["unit"]
    now = units.unit_in(unit["name"], data["year"])
    if now is None or now.name == unit["name"]:
        return None
    written = dict(unit)
    unit["name"] = now.name
    if "code" in unit and now.code is not None:
        unit["code"] = now.code  # the old code, valid before the renaming, as the new name's
    return written
