"""Every format of ``check`` has its renderer, named in ``renderers.CLASSES`` (not made from the format's
name): a class or module renamed fails here, not in the first run asking for that format."""

from __future__ import annotations

import pytest

from zhijiao_check.renderers import CLASSES, Format, renderer_class


def test_every_format_names_its_renderer() -> None:
    assert list(CLASSES) == list(Format)


@pytest.mark.parametrize("name", [f.value for f in Format])
def test_every_format_resolves_to_a_renderer_class(name: str) -> None:
    cls = renderer_class(name)
    assert isinstance(cls, type)
    assert f"{cls.__module__}:{cls.__name__}" == f"zhijiao_check.renderers.{CLASSES[Format(name)]}"
    assert callable(cls.render)


def test_a_renderer_renamed_is_found_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CLASSES, Format.csv, "csv:CommaRenderer")
    with pytest.raises(AttributeError, match="CommaRenderer"):
        renderer_class("csv")
