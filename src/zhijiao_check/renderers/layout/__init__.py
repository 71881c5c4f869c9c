"""The table view's text without rich's measuring: the lines, indented blocks and tables ``--format table``
prints, laid out as rich lays them out, character for character, when there is no colour to draw.

Rich measures and wraps every cell through layers of segments, styles and options: at a thousand reports that
was four fifths of a table run. Uncoloured text needs none of it, so the plain console (``consoles``) follows
rich's steps on plain strings: the same word wrapping, folding, cropping, ellipsis and justification
(``text``), column widths and box characters (``grid``, ``columns``), with cell widths from ``rich.cells``,
so CJK text measures as rich measures it. Where Chinese may break, which rich does not know, is ``chinese``.
The rich console draws the same descriptions with rich, for colour; ``tests/renderers/test_layout.py``
holds the two to the same text on generated tables, lines and blocks.
"""
