"""Each unit's trends in a flat run, written as the document writes them (``document.unit_trends``), each
rule's trend made and written once for all the units whose years say the same of it.

Most units' years say the same of most rules (met both years, a fact stated twice): 1,000 varied reports over
two years made 9,047 trends of 884 different texts. What a rule's trend says follows from what its results
said in each year and from the unit's ``engine.trend.Span`` alone (``engine.trend.rule_trend``), so those are
the key of its text, the results' as the spool holds them: bytes that tell apart every two values written
apart (``True``, ``1`` and ``1.0``; ``0.0`` and ``-0.0``: ``spool.said_of``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from zhijiao_check.commands.flat.spool import Said, figure_in
from zhijiao_check.document import trend
from zhijiao_check.engine.trend import Trend, rule_trend, span
from zhijiao_check.jsontext import Written, encoded
from zhijiao_check.memo import BoundedMemo

if TYPE_CHECKING:
    from zhijiao_check.i18n import Translator

# A unit's entry stands three levels down in the document (top level, "trends", "units"), its trends two
# further (the entry, its "trends").
DEPTH = 3
TREND_DEPTH = DEPTH + 2
# A unit's entry as ``jsontext.written_object`` and ``written_list`` write it of its three fields, each trend
# after its line break and indent: made of these pieces, each trend's text held with its own
_FIELD = b"\n" + b"  " * (DEPTH + 1)
_UNIT, _KIND, _TRENDS = (
    b"{" + _FIELD + b'"unit": ',
    b"," + _FIELD + b'"kind": ',
    b"," + _FIELD + b'"trends": [',
)
_TREND = b"\n" + b"  " * TREND_DEPTH
_END = _FIELD + b"]\n" + b"  " * DEPTH + b"}"
# Texts held: those that recur (a rule met every year, a fact) are met at every unit and stay made; a figure
# of a unit's own is met once. A trend's text is about a kilobyte, and the trend it is held with some three
# more: 10,000 varied reports made 2,932 trends with 256 held, 2,681 with 512 (3 ms less), whose texts were
# 0.3 MiB more of the run's peak, where a flat run peaks (writing the units' trends).
LIMIT = 256


class UnitTrendText(NamedTuple):
    """A unit's entry at its depth, and the trends it was written from (clause 15's line counts their
    verdicts: ``engine.assessment``)."""

    entry: Written
    trends: tuple[Trend, ...]


class UnitTrendTexts:
    """Each unit's trends as text (``unit``), the texts of its rules' trends held (``LIMIT``)."""

    def __init__(
        self, rules: Sequence[Any], bases: Mapping[str, int], tr: Translator, all_years: Collection[int]
    ) -> None:
        """``rules``: the run's rules by their place (``commands.flat.spool.figures_of``); ``bases``: each
        rule's schedule base; ``all_years``: every year of the run (the same for every unit, so no part of a
        text's key)."""
        self.rules = rules
        self.bases = bases
        self.tr = tr
        self.all_years = frozenset(all_years)
        self.ids = [rule.id for rule in rules]
        # no two places of one rule (packs that share a rule ID): a rule's results are its place's
        self.one_place_a_rule = len(set(self.ids)) == len(self.ids)
        # each text with the trend it was made from; b"" and None: no trend
        self.texts: BoundedMemo[Any, tuple[bytes, Trend | None]] = BoundedMemo(limit=LIMIT)

    def unit(
        self,
        unit: str,
        kind: str,
        years: Iterable[tuple[int, Said]],
        invalid_years: Iterable[int],
        not_filed: Iterable[int],
        unseen: Iterable[int] = (),
        ending: Collection[int] | None = None,
    ) -> UnitTrendText | None:
        """A unit's entry (``document.unit_trends``) at its depth, if it has trends, and those trends: over
        ``years`` (each year and its results, as the spool holds them: ``spool.said_of``), the years of its
        reports refused (``invalid_years``), those it did not file (``not_filed``) and the run's years
        without city-wide figures it is expected in (``unseen``) and the years of the run's valid reports
        (``ending``), as ``engine.runtrends.unit_trends``."""
        ordered = sorted(years, key=_YEAR)
        found = span((year for year, _ in ordered), invalid_years, not_filed, unseen, ending=ending)
        if found is None:
            return None
        rules = self.rules
        shared = (found.refused, found.absent, found.last, found.unseen)
        # the entry's pieces, each trend's text after a comma, joined once: a unit's entry is some 25 kB, and
        # each ``+`` of it would copy it whole
        pieces = [_UNIT, encoded(unit), _KIND, encoded(kind), _TRENDS]
        trends = []
        for place, when, said in self._by_rule(ordered):
            key = (place, shared, when, said)
            held = self.texts.get(key)
            if held is None:
                rule = rules[place]
                seen = [(year, *figure_in(one)) for year, one in zip(when, said, strict=True)]
                made = rule_trend(rule, self.bases[rule.id], seen, found, all_years=self.all_years)
                text = b"" if made is None else _TREND + encoded(trend(made, self.tr), TREND_DEPTH)
                held = self.texts.keep(key, (text, made))
            text, made = held
            if made is not None:
                pieces += (b",", text)
                trends.append(made)
        if not trends:
            return None
        pieces[5] = b""  # no comma before the first trend (after the five pieces above)
        pieces.append(_END)
        return UnitTrendText(Written(b"".join(pieces)), tuple(trends))

    def _by_rule(
        self, ordered: Sequence[tuple[int, Said]]
    ) -> Iterator[tuple[int, tuple[int, ...], tuple[bytes, ...]]]:
        """Each rule's place (the first of its places: ``trends_of`` groups by rule ID), its years and what
        its results said in them, in the order ``trends_of`` makes them. Most units' reports list the same
        rules in the same places each year: their columns are taken as they are."""
        if not ordered:
            return iter(())
        places = ordered[0][1][0]
        if self.one_place_a_rule and all(figures[0] == places for _, figures in ordered):
            every = tuple([year for year, _ in ordered])
            return zip(places, repeat(every), zip(*[figures[1] for _, figures in ordered]))
        ids = self.ids
        by_rule: dict[str, tuple[int, list[int], list[bytes]]] = {}
        for year, (at, said) in ordered:
            for place, one in zip(at, said, strict=True):
                _, when, what = by_rule.setdefault(ids[place], (place, [], []))
                when.append(year)
                what.append(one)
        return ((place, tuple(when), tuple(what)) for place, when, what in by_rule.values())


_YEAR = itemgetter(0)
