"""pydantic-core's compiled module (``pydantic_core._pydantic_core``), loaded without the package's door.

``import pydantic_core`` runs the package's ``__init__``, which imports ``core_schema``: the typing forms of
every schema Pydantic can build, some 90 million instructions (a seventh of a one-report run, and what
reading the same reports with libyaml never spends). A run that validates reports with the validator kept
between runs (``report.validator``) uses only the compiled module: the validator, its errors, the error a
check raises. It is loaded here by itself under its own name, as the door would load it, so that a later
``import pydantic_core`` (a rule pack checked, the report models built to word a problem) finds it loaded
and builds the rest around it. Where it cannot be found by itself, the package is imported as usual.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

NAME = "pydantic_core._pydantic_core"


def compiled() -> ModuleType:
    """The compiled module, loaded once."""
    loaded = sys.modules.get(NAME)
    if loaded is not None:
        return loaded
    import importlib.machinery
    import importlib.util

    package = importlib.util.find_spec("pydantic_core")  # found, not run
    places = None if package is None else package.submodule_search_locations
    spec = None if not places else importlib.machinery.PathFinder.find_spec(NAME, list(places))
    if spec is None or spec.loader is None:
        import pydantic_core._pydantic_core as usual

        return usual
    module = importlib.util.module_from_spec(spec)
    sys.modules[NAME] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[NAME]
        raise
    return module


if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError, SchemaValidator, ValidationError
else:
    _compiled = compiled()
    PydanticCustomError = _compiled.PydanticCustomError
    SchemaValidator = _compiled.SchemaValidator
    ValidationError = _compiled.ValidationError

__all__ = ["PydanticCustomError", "SchemaValidator", "ValidationError", "compiled"]
