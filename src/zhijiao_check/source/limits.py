"""Counting a text's values and finding its aliases from libyaml's events, without building anything: how
a file of millions of values, or of aliases that multiply, is refused before it costs memory."""

from __future__ import annotations

from typing import Any

from zhijiao_check.located import MAX_NODES, Mark, Path_
from zhijiao_check.source.marks import node_mark


def most_nodes(text: str) -> int:
    """At least as many as the values in ``text``: each starts a line or follows one of these characters.
    Never more than the characters and one: a text shorter than ``MAX_NODES`` is not counted."""
    return sum(text.count(char) for char in "\n,:-[{?") + 1


def node_over_limit(text: str, loader_class: Any) -> Mark | None:
    """Where the value beyond ``MAX_NODES`` starts, counted from the parser's events without building any."""
    import yaml

    loader = loader_class(text)
    counted = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
                counted += 1
                if counted > MAX_NODES:
                    return node_mark(event)
    except yaml.YAMLError:
        return None  # the parse proper will say what is wrong
    finally:
        loader.dispose()
    return None


def alias_marks(text: str) -> dict[Path_, Mark]:
    """The path of every alias (``*n``) in the text and where it stands, from the parser's events."""
    import yaml

    marks: dict[Path_, Mark] = {}
    # One frame per open collection: [path, is_mapping, next index or None, key pending?]
    stack: list[list[Any]] = []
    key: Any = None

    def place() -> Path_ | None:
        """The path of the node that starts now, or ``None`` for a mapping key."""
        if not stack:
            return ()
        frame = stack[-1]
        if frame[1]:
            return None if frame[3] else (*frame[0], key)
        frame[2] += 1
        return (*frame[0], frame[2])

    def done_value() -> None:
        if stack and stack[-1][1]:
            stack[-1][3] = not stack[-1][3]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                path = place()
                if path is None:
                    key = event.value if isinstance(event, yaml.ScalarEvent) else None
                    stack[-1][3] = False
                    continue
                if isinstance(event, yaml.AliasEvent):
                    marks[path] = node_mark(event)
                done_value()
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                path = place()
                stack.append(
                    [path if path is not None else (), isinstance(event, yaml.MappingStartEvent), -1, True]
                )
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                done_value()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return marks
