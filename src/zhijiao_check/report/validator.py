"""The report's validator, kept between runs: Pydantic's checks of format v1 without the model classes.

Making the fourteen report models (``report.model``) at start took 85 million of the 940 million instructions
of a one-report run, only to build one validator from them. Their core schema with each model turned into a
typed dict (the same fields, checks, strictness and refusal of unknown fields; a mapping comes back as a
dict, and the run never read the model objects anyway) builds a validator that names no class, and pickled
it is read back in a fraction of a millisecond: a one-report run counts 6% fewer instructions. It is kept in
the cache folder beside the rule packs (``caching``) while the tool's, Python's and pydantic-core's versions,
Pydantic's version file and the files of the models and their checks are as they were, else made again from
the models. What is kept is its schema, from which the validator is built as it was made: a validator
pickled is read back by importing its class's package, whose door costs what the kept validator saves
(``pydantic_compiled``). With Pydantic's plugins turned on by the user, the models' own validator is used,
so that the plugins see each report.

Its errors are the models': the same types, places, values and contexts, but for one type. A value that is
not a mapping is ``dict_type`` where a model says ``model_type`` with the model's name in its context
(``validate._describe`` reads both alike, and no name).
"""

from __future__ import annotations

import pickle
import sys
import zlib
from pathlib import Path
from typing import Any, cast

from zhijiao_check import __version__, plugins
from zhijiao_check.caching import cache_dir, read_kept, settled, stamps_of, write_kept
from zhijiao_check.pydantic_compiled import SchemaValidator, compiled

FORMAT = 2  # of the kept file: the validator's schema (1: the validator pickled)
# What the validator is made of: the models, the checks they run and the unit kinds they name.
_HERE = Path(__file__).parent
SOURCES = (_HERE / "model.py", _HERE / "scalars.py", _HERE.parent / "units.py")

_MADE: list[SchemaValidator] = []


def report_validator() -> SchemaValidator:
    """The validator of a whole report (``model.Report``): the one kept by an earlier run while it holds,
    else one made from the models (and kept for the next run). With Pydantic's plugins on (the user's
    choice: ``plugins``), the models' own, which hands each validation to them."""
    if not _MADE:
        _MADE.append((_read() or _make()) if plugins.all_off() else _models_own())
    return _MADE[0]


def _models_own() -> SchemaValidator:
    from zhijiao_check.report.model import Report

    return cast(SchemaValidator, Report.__pydantic_validator__)


def typed(node: Any) -> Any:
    """A part of a core schema with each model a typed dict of the same fields and checks, and without the
    metadata (Pydantic's JSON Schema hooks, bound to the model classes)."""
    if isinstance(node, list):
        return [typed(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") != "model":
        return {key: typed(value) for key, value in node.items() if key != "metadata"}
    config = node.get("config", {})
    extra = node["schema"].get("extra_behavior") or config.get("extra_fields_behavior", "ignore")
    return {
        "type": "typed-dict",
        "fields": {
            name: {
                "type": "typed-dict-field",
                "schema": typed(field["schema"]),
                "required": field["schema"]["type"] != "default",
            }
            for name, field in node["schema"]["fields"].items()
        },
        "extra_behavior": extra,
        "config": config,
    }


def _key() -> tuple[Any, ...]:
    return (FORMAT, __version__, sys.version, compiled().__version__)


def _sources() -> list[Path]:
    """``SOURCES`` and Pydantic's version file, which stands for its version: ``pydantic.version`` is imported
    through Pydantic's door (some 24 million instructions)."""
    import importlib.util

    pydantic = importlib.util.find_spec("pydantic")  # found, not run
    places = None if pydantic is None else pydantic.submodule_search_locations
    return [*SOURCES, *(Path(place) / "version.py" for place in (places or [])[:1])]


def _path() -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"report-{zlib.crc32(repr(_key()).encode()):08x}.pickle"


def _read() -> SchemaValidator | None:
    path = _path()
    if path is None:
        return None
    key, stamps = _key(), stamps_of(_sources())
    kept = read_kept(path, lambda header: header.get("key") == key and header.get("stamps") == stamps)
    if not isinstance(kept, dict):
        return None
    try:
        return SchemaValidator(kept)
    except Exception:  # noqa: BLE001 - a kept schema that builds no validator is none: made again
        return None


def from_models() -> SchemaValidator:
    """The validator made from the models' core schema, each model a typed dict (``typed``)."""
    return SchemaValidator(_schema())


def _schema() -> dict[str, Any]:
    from zhijiao_check.report.model import Report

    Report.model_rebuild()  # the models build their schema when first asked (``defer_build``)
    return cast(dict[str, Any], typed(Report.__pydantic_core_schema__))


def _make() -> SchemaValidator:
    schema = _schema()
    made = SchemaValidator(schema)
    path, stamps = _path(), stamps_of(_sources())
    if path is not None and settled(stamps):
        write_kept(
            path, {"key": _key(), "stamps": stamps}, pickle.dumps(schema, protocol=pickle.HIGHEST_PROTOCOL)
        )
    return made
