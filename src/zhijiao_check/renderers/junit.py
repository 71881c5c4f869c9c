"""``--format junit``: JUnit XML as Ant writes it and Jenkins and GitLab read it (``junit.xsd``).

One ``<testsuite>`` per report, per city-wide year and per invalid report; one ``<testcase>`` per rule, named
``rule unit year`` (``c16.secondary-funding 东安县 2023``: the same in every ``--lang``, so that CI keeps a
test's history; ``classname`` the unit, 全市 for a city-wide year) with the translated title in the message.
``fail``/``missing`` are ``<failure>``s; ``pending``/``not_applicable``/``waived`` and, unless ``--strict``,
``behind`` are ``<skipped>`` with the reason (a ``behind`` must not hide among the passed tests); ``warn``
passes unless ``--strict``; each problem of an invalid report is an ``<error>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from zhijiao_check.i18n import Translator
from zhijiao_check.jsontext import entries_of
from zhijiao_check.patterns import later
from zhijiao_check.renderers import RenderOptions
from zhijiao_check.renderers.findings import failing_entries
from zhijiao_check.renderers.texts import at, score_text, spot, where, who
from zhijiao_check.units import CITY_WIDE

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from zhijiao_check.engine.results import Run

SKIPPED = ("pending", "behind", "waived", "not_applicable")
# Characters XML 1.0 cannot hold (a report may quote anything back in a problem message).
_NOT_XML = later("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class JunitRenderer:
    def __init__(self, tr: Translator, options: RenderOptions) -> None:
        self.tr = tr
        self.options = options

    def render(self, run: Run) -> str:
        from zhijiao_check.document import document

        doc = document(run, self.tr)
        by_file: dict[str, list[Mapping[str, Any]]] = {}
        for warning in doc["warnings"]:
            by_file.setdefault(warning["file"], []).append(warning)
        return "".join(suites(doc, run.failing, self.tr, lambda file: by_file.get(file, ())))


def suites(
    doc: Mapping[str, Any],
    failing: frozenset[str],
    tr: Translator,
    warnings_of: Callable[[str], Iterable[Mapping[str, Any]]],
) -> Iterator[str]:
    """The document as JUnit XML, a ``<testsuite>`` at a time: the whole run's (``render``) or a large run's
    read back as it is written (``commands.flat``), whose sections may be ``Lazy``. ``warnings_of``: the
    warnings located in a file, in the document's order. The same text ``ElementTree.indent`` gives the whole
    tree: each suite is indented at its own depth, which is all its layout depends on."""
    import xml.etree.ElementTree as ET

    stamp = datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    empty = ET.tostring(ET.Element("testsuites"), encoding="unicode", xml_declaration=True)
    opening = empty.removesuffix("<testsuites />") + "<testsuites>"
    index = 0

    def written(suite: Element) -> str:
        nonlocal index
        _indent(suite, level=1)
        text = f"{opening if index == 0 else ''}\n  {ET.tostring(suite, encoding='unicode')}"
        index += 1
        return text

    for bad in entries_of(doc["invalid"]):
        suite = _suite(index, stamp, tr("render.invalid-suite", file=bad["file"]), {"file": bad["file"]})
        for problem in bad["problems"]:
            case = _case(suite, f"{problem['code']} {problem['path']}", bad["file"])
            text = f"{at(problem)}: {problem['message']}"
            _child(case, "error", text, problem["code"], text)
        _close(suite, [], [])
        yield written(suite)
    for evaluation in chain(entries_of(doc["reports"]), entries_of(doc["city"])):
        yield written(_evaluation_suite(index, stamp, evaluation, failing, warnings_of, tr))
    yield "\n</testsuites>\n" if index else empty + "\n"


def _evaluation_suite(
    index: int,
    stamp: str,
    evaluation: Mapping[str, Any],
    failing: frozenset[str],
    warnings_of: Callable[[str], Iterable[Mapping[str, Any]]],
    tr: Translator,
) -> Element:
    """A report's suite, or a city-wide year's: a case per rule."""
    city = "unit" not in evaluation
    unit = CITY_WIDE if city else evaluation["unit"]
    properties = {
        "file": evaluation["file"],
        "unit": unit,
        "year": evaluation["year"],
        "score": score_text(evaluation["score"]),
    }
    if not city:
        properties["kind"] = evaluation["kind"]
    suite = _suite(index, stamp, f"{unit} {evaluation['year']} ({evaluation['file']})", properties)
    passed_with = []
    for result in entries_of(evaluation["results"]):
        case = _case(suite, f"{result['rule']} {unit} {evaluation['year']}", unit)
        status, title = result["status"], result["title"]
        if status in failing:
            items = failing_entries(result)  # the first to say where, then each in turn (``_details``)
            head = next(items, None)
            places = entries_of((result if head is None else head)["locations"])
            first = where(list(islice(places, 1)), tr)
            message = f"{first}: {result['explanation']}" if first else result["explanation"]
            _child(case, "failure", f"{message} ({title})", status, _details(result, head, items, tr))
        elif status in SKIPPED:
            reason = result["notes"][0] if result["waiver"] is not None else result["explanation"]
            _child(case, "skipped", f"{status}: {reason} ({title})", None, None)
        elif status != "pass":
            passed_with.append(f"{status} {result['rule']}: {result['explanation']}")
    mine = () if city else warnings_of(evaluation["file"])
    _close(suite, [*evaluation["notices"], *passed_with], [f"{at(w)}: {w['message']}" for w in mine])
    return suite


def _indent(element: Element, level: int) -> None:
    """``ElementTree.indent(element, level=level)``, the same text. Its helper is a nested function that
    calls itself, a reference cycle each call that only the cyclic collector frees, and a run keeps the
    collector off (``commands.check``): some 400 bytes a suite, never given back in a run of 10,000."""
    if len(element):
        _indent_children(element, 0, ["\n" + level * "  "])


def _indent_children(element: Element, level: int, indentations: list[str]) -> None:
    child_level = level + 1
    if child_level < len(indentations):
        child_indentation = indentations[child_level]
    else:
        child_indentation = indentations[level] + "  "
        indentations.append(child_indentation)
    if not element.text or not element.text.strip():
        element.text = child_indentation
    for child in element:
        if len(child):
            _indent_children(child, child_level, indentations)
        if not child.tail or not child.tail.strip():
            child.tail = child_indentation
    # the last child: dedented, as ElementTree does, by overwriting its indentation
    if not (child.tail or "").strip():
        child.tail = indentations[level]


def _suite(index: int, stamp: str, name: str, properties: Mapping[str, Any]) -> Element:
    import xml.etree.ElementTree as ET

    suite = ET.Element(
        "testsuite",
        {
            "name": _token(name),
            "package": "zhijiao-check",
            "id": str(index),
            "timestamp": stamp,
            "hostname": "localhost",
            "time": "0",
        },
    )
    props = ET.SubElement(suite, "properties")
    for key, value in properties.items():
        ET.SubElement(props, "property", {"name": key, "value": _clean(str(value))})
    return suite


def _case(suite: Element, name: str, classname: str) -> Element:
    import xml.etree.ElementTree as ET

    return ET.SubElement(
        suite, "testcase", {"name": _token(name), "classname": _token(classname), "time": "0"}
    )


def _child(case: Element, tag: str, message: str, kind: str | None, text: str | None) -> None:
    import xml.etree.ElementTree as ET

    attributes = {"message": _clean(message)}
    if kind is not None:
        attributes["type"] = kind
    element = ET.SubElement(case, tag, attributes)
    if text:
        element.text = _clean(text)


def _close(suite: Element, out: list[str], err: list[str]) -> None:
    """The counts the schema asks for, then ``system-out`` and ``system-err`` (both required)."""
    import xml.etree.ElementTree as ET

    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    for attribute, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
        suite.set(attribute, str(sum(1 for case in cases if case.find(tag) is not None)))
    ET.SubElement(suite, "system-out").text = _clean("\n".join(out))
    ET.SubElement(suite, "system-err").text = _clean("\n".join(err))


def _details(
    result: Mapping[str, Any],
    head: Mapping[str, Any] | None,
    rest: Iterator[Mapping[str, Any]],
    tr: Translator,
) -> str:
    """The failure's text: the arithmetic, the notes, and where the data is, or each item that did not
    pass (``head``, then ``rest``: read as they come, a large run's thousands never held at once)."""
    lines = [result["explanation"], *result["notes"]]
    if head is None:
        spots: dict[str, None] = {}  # the first three places, not all (a large run reads them one by one)
        for loc in entries_of(result["locations"]):
            spots.setdefault(spot(loc))
            if len(spots) == 3:
                break
        lines += spots
    for item in () if head is None else chain([head], rest):
        lines.append(
            f"{item['status']} {who(item, tr)}: {item['explanation']} {where(item['locations'], tr)}".rstrip()
        )
    return "\n".join(lines)


def _token(text: str) -> str:
    """``xs:token``: no line breaks, tabs, or runs of spaces."""
    return _clean(" ".join(text.split())) or "-"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
