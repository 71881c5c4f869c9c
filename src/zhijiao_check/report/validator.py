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

Beside it is kept its quick form (``quick``, ``quick_validator``), which asks pydantic-core's own strict
checks where the models call a check of ``report.scalars`` (some 80 calls of Python a report): it accepts no
report the validator refuses, and only a report it refuses is validated again for its errors.
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
from zhijiao_check.report.scalars import STRICT_ALIKE, choice_keys

FORMAT = 3  # of the kept file: the validator's schema and its quick form (2: the schema; 1: the validator)
# What the validator is made of: the models, the checks they run and the unit kinds they name.
_HERE = Path(__file__).parent
SOURCES = (_HERE / "model.py", _HERE / "scalars.py", _HERE.parent / "units.py")

_MADE: dict[str, SchemaValidator] = {}  # by the name of its schema: "full", "quick"
_SCHEMAS: list[dict[str, Any]] = []  # the schemas by name, kept by an earlier run or made from the models


def report_validator() -> SchemaValidator:
    """The validator of a whole report (``model.Report``): the one kept by an earlier run while it holds,
    else one made from the models (and kept for the next run). With Pydantic's plugins on (the user's
    choice: ``plugins``), the models' own, which hands each validation to them."""
    if "full" not in _MADE:
        _MADE["full"] = _built("full") if plugins.all_off() else _models_own()
    return _MADE["full"]


def quick_validator() -> SchemaValidator | None:
    """The validator's quick form (``quick``), made first: a run of valid reports builds no other (some 9 ms
    to build either). None with Pydantic's plugins on, which then see each report validated."""
    if "quick" not in _MADE:
        if not plugins.all_off():
            return None
        _MADE["quick"] = _built("quick")
    return _MADE["quick"]


def _built(name: str) -> SchemaValidator:
    """The validator of the schema ``name``, built with a stop held back: a Ctrl-C or SIGTERM raised inside
    pydantic-core's building came out wrapped in a ``SchemaError``, an internal error (exit 3) where the run
    stops with one line. Taken as soon as it is built."""
    from zhijiao_check.forked import stops_held

    if not _SCHEMAS:
        _SCHEMAS.append(_read() or _made())
    with stops_held():
        try:
            return SchemaValidator(_SCHEMAS[0][name])
        except Exception:  # noqa: BLE001 - a kept schema that builds no validator is none: made again
            _SCHEMAS[0] = _made()
            return SchemaValidator(_SCHEMAS[0][name])


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


def quick(node: Any) -> Any:
    """A validator's schema with each check of ``scalars.STRICT_ALIKE`` left to the strict schema after it,
    and a choice (``scalars.choice``: a text of its keys, as is) to the literal after it: what it accepts,
    from YAML, the schema accepts too, not always the other way round (a text refused by its check, a
    check's words for what is wrong: the schema's own validator says them)."""
    if isinstance(node, list):
        return [quick(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "function-before":
        check = node["function"]["function"]
        after = node["schema"]
        if getattr(check, "func", check) in STRICT_ALIKE:
            return {**after, "strict": True}
        if after.get("type") == "literal" and after["expected"] == choice_keys(check):
            return after
    return {key: quick(value) for key, value in node.items()}


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


def _read() -> dict[str, Any] | None:
    path = _path()
    if path is None:
        return None
    key, stamps = _key(), stamps_of(_sources())
    kept = read_kept(path, lambda header: header.get("key") == key and header.get("stamps") == stamps)
    if not isinstance(kept, dict) or not all(isinstance(kept.get(name), dict) for name in ("full", "quick")):
        return None
    return kept


def from_models() -> SchemaValidator:
    """The validator made from the models' core schema, each model a typed dict (``typed``)."""
    return SchemaValidator(_schema())


def _schema() -> dict[str, Any]:
    from zhijiao_check.report.model import Report

    Report.model_rebuild()  # the models build their schema when first asked (``defer_build``)
    return cast(dict[str, Any], typed(Report.__pydantic_core_schema__))


def _made() -> dict[str, Any]:
    schema = _schema()
    schemas = {"full": schema, "quick": quick(schema)}
    path, stamps = _path(), stamps_of(_sources())
    if path is not None and settled(stamps):
        write_kept(
            path, {"key": _key(), "stamps": stamps}, pickle.dumps(schemas, protocol=pickle.HIGHEST_PROTOCOL)
        )
    return schemas
