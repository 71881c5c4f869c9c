"""``check`` in JSON, JUnit and SARIF, in flat memory: each report scored, rendered and set aside in turn.

A report's own rules read that report alone, and its entry in the JSON document depends on nothing else but
its rank, which is known only once its year is whole. So each report is loaded, scored and written as its
entry (without the rank) in turn, in worker processes with ``--jobs``; the entry and the few figures its
unit's trends need go to a temporary spool file, and the run keeps of the report only what the city-wide
rules and the year-before comparison read (``engine.keep``). Each city-wide result goes to the spool as soon
as it is made, then its year's entry; each warning too. The document is then written piece by piece, each
entry read back from the spool: the same bytes as the whole document gives (``document``), in memory that
does not grow with the reports. JUnit and SARIF read the same document, an entry at a time, and a city-wide
result's places and items a batch at a time (``jsontext.entries_of``). Workers send back only these compact
records, not the report and its results.

The run is ``run.run_flat``; its parts are the package's other modules (``scoring``, ``spool``,
``assembly``, ``years``, ``copies``).
"""

from __future__ import annotations

from zhijiao_check.commands.flat.run import run_flat
from zhijiao_check.commands.flat.scoring import Flat

__all__ = ["Flat", "run_flat"]
