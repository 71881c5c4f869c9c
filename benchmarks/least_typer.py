"""The least typer app: one command, a text argument and one ``-f`` option, as ``zhijiao-check FILE -f json``
has, and nothing else.

    python benchmarks/least_typer.py FILE -f json

``bench.py`` times it against the same floor as a one-report run (``import typer, pydantic, yaml``): the part
of that ratio that typer itself takes, whatever the app. Typer checks each value given on the command line
with a Pydantic TypeAdapter, so a typer app imports Pydantic's models and builds validators (and Pydantic's
plugin loader, which imports ``importlib.metadata``), none of which importing the three packages does.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def main(path: str, output: Annotated[str, typer.Option("--format", "-f")] = "table") -> None:
    print(path, output)


if __name__ == "__main__":
    app()
