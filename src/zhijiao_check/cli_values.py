"""How the command line's values are checked: by typer's own checks, built only for a value that is there, and
without the Pydantic adapter that typer 0.29 wraps around them when the value is taken.

Typer checks every parameter of the command run with a Pydantic ``TypeAdapter`` built for it, given or not.
The first adapter loads Pydantic's model machinery (``pydantic.main``, its fields and types), which nothing
else of a run with its packs kept loads (the rule vocabulary is plain records): a fifth of a one-report run.
For the values this tool's commands take (a choice, a text, a path, or a list of one of these) the adapter
does nothing but call one of typer's own checks (``coerce_cli_choice``, ``coerce_cli_path``), or return the
text. So a value is first given to that check directly. A switch's value is already True or False, and a count
(``--jobs 2``) is plain digits within its bounds: these are taken as they are. A value taken is the value
typer's adapter gives; any value refused goes to typer's own checker after all, so a refusal is worded by
typer (``tests/cli/test_values.py`` holds every parameter of every command to typer's checker).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path

Check = Callable[[Any, Any, Any], Any]  # (value, param, ctx) -> the value the command gets


class Lazy:
    """A parameter's checker, built when a value is first there. An option not given is None (or empty),
    which typer's checker returns as it is without looking at it. A value refused is named in the refusal
    (``cli_usage.ValueRefused``): of a list, the first item refused."""

    def __init__(self) -> None:
        self.built: RuntimeParam | None = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if self.built is None:
            self.built = checker(param.type_descriptor)
        try:
            return self.built.coerce(value, param=param, ctx=ctx)
        except BadParameter as refusal:
            from zhijiao_check.cli_usage import ValueRefused

            raise ValueRefused(refusal, self._refused(value, param, ctx)) from refusal

    def _refused(self, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, list | tuple):
            return value
        assert self.built is not None
        for item in value:
            try:
                self.built.coerce([item], param=param, ctx=ctx)
            except BadParameter:
                return item
        return " ".join(map(str, value))


def checker(descriptor: TypeDescriptor) -> RuntimeParam:
    """The checker of a parameter: typer's own checks called directly where its adapter only calls them."""
    check = _leaf_check(descriptor)
    if check is None:
        return build_runtime_param(descriptor)
    return _Direct(descriptor, check)


def _leaf_check(descriptor: TypeDescriptor) -> Check | None:
    """The check of one value (of each item, for a list) when typer's adapter only wraps it, else None."""
    info = descriptor.parameter_info
    if descriptor.is_file or descriptor.is_tuple or info.parser is not None:
        return None
    leaf = descriptor.annotation.__args__[0] if descriptor.is_list else descriptor.annotation
    if descriptor.choices is not None:
        choices, case_sensitive = descriptor.choices, descriptor.case_sensitive

        def choice(value: Any, param: Any, ctx: Any) -> Any:
            return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)

        return choice
    if leaf is str:
        return _text
    if leaf is bool:
        return _switch
    if leaf is int and not info.clamp:
        return _whole_number(info.min, info.max)
    if leaf is Path and info.path_type is None and routes_to_path(leaf, info):

        def path(value: Any, param: Any, ctx: Any) -> Any:
            if value.__class__ is not str:
                raise _Refused
            # What typer's adapter hands its check: Pydantic's Path of a text, which is Path(text).
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)

        return path
    return None


def _text(value: Any, param: Any, ctx: Any) -> Any:
    if value.__class__ is not str:
        raise _Refused  # bytes are decoded by typer's own checker
    return value


def _switch(value: Any, param: Any, ctx: Any) -> Any:
    if value.__class__ is not bool:
        raise _Refused  # a switch's value as text (``--flag=yes``), read by typer's own checker
    return value


# Digits only, and not so many that Pydantic's limits on a number's length could refuse them.
_MOST_DIGITS = 18


def _whole_number(least: float | None, most: float | None) -> Check:
    """A count (``--jobs 2``): written in ASCII digits, within its bounds. Anything else (a sign, spaces, a
    fraction, full-width digits, beyond a bound) goes to typer's checker, which takes or words it."""

    def number(value: Any, param: Any, ctx: Any) -> Any:
        if value.__class__ is int:
            whole = value
        elif value.__class__ is str and value.isascii() and value.isdigit() and len(value) <= _MOST_DIGITS:
            whole = int(value)
        else:
            raise _Refused
        if (least is not None and whole < least) or (most is not None and whole > most):
            raise _Refused
        return whole

    return number


class _Refused(Exception):
    """A value the direct check does not take as it is."""


class _Direct(RuntimeParam):
    """typer's checker of one parameter, its check called directly. Not a dataclass of its own (as typer's
    checkers are): defining one would cost every start, where this is made only for a value given."""

    check: Check
    many: bool
    typers: TypeDescriptor  # to build typer's own checker for a value refused

    def __init__(self, descriptor: TypeDescriptor, check: Check) -> None:
        super().__init__(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info)
        # typer's checkers are frozen: set as a frozen dataclass sets its own fields
        object.__setattr__(self, "check", check)
        object.__setattr__(self, "many", descriptor.is_list)
        object.__setattr__(self, "typers", descriptor)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            if not self.many:
                return self.check(value, param, ctx)
            items = value if isinstance(value, list | tuple) else [value]
            return [self.check(item, param, ctx) for item in items]
        except (_Refused, ValueError, BadParameter):
            # Refused, or not a text: typer's own checker, whose refusal is worded as typer words it (it
            # quotes the text as given, where the check above saw it made a Path).
            return build_runtime_param(self.typers).coerce(value, param=param, ctx=ctx)
