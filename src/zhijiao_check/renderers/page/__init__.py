"""The HTML page's parts, for ``--format html`` (``renderers/html.py``) and ``--per-unit`` (``per_unit``).

``frame`` writes the page around its sections, in their order: the summary cards (``summary``), the reports
refused and each report's rules (``reports``), the heat maps (``heatmap``), the city-wide targets (``city``),
the trends (``trends``), the notices and the clauses quoted (``notes``). ``marks`` holds the markup they
share (a status's chip, a rule's ID, the legend); ``scope`` what a page covers (its units and its years).
"""
