"""The golden cases: every command-line output the tool makes, over the bundled samples, in both languages.

Each case is the arguments of one ``zhijiao-check`` run from the repository root (or from a prepared scratch
folder, for the cases that need edited inputs). ``test_golden.py`` compares its output with the stored text.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factory import INVALID_REPORT, every_status_inputs

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
EXPECTED = Path(__file__).parent / "expected"

FORMATS = ("table", "json", "junit", "markdown", "github", "sarif", "html")
LANGS = ("zh", "en")
INPUTS = {
    "2022": "samples/2022",
    "2023": "samples/2023",
    "dongan-2023": "samples/2023/dongan.yaml",
    "shibenji-2023": "samples/2023/shibenji.yaml",
    "failing-daoxian": "examples/failing/daoxian-2023-majors.yaml",
    "failing-jiangyong": "examples/failing/jiangyong-2023-share.yaml",
    "failing-xintian": "examples/failing/xintian-2023-funding.yaml",
}
# One rule of each kind and scope, and each form of time (yearly, linear, standing, conditional).
EXPLAINED = (
    "c1.vocational-share",
    "c1.general-plan-freeze",
    "c1.public-seats",
    "c1.quality-schools",
    "c4.leading-industries",
    "c4.yellow-majors-shrink",
    "c5.unit-quality-committee",
    "c7.cluster-coverage",
    "c8.demonstration-enterprises",
    "c11.dual-qualified-share",
    "c16.secondary-funding",
    "c16.new-funding-tilt",
)


def mixed(base: Path) -> None:
    """``mixed/``: an invalid report beside two valid ones (exit 2, the valid ones still scored); of another
    unit than theirs, since a valid report of the unit and year an invalid one gives is refused as its
    duplicate."""
    folder = base / "mixed"
    folder.mkdir()
    (folder / "broken.yaml").write_text(INVALID_REPORT.replace("江永县", "道县"), encoding="utf-8")
    for name in ("dongan.yaml", "jiangyong.yaml"):
        shutil.copy(SAMPLES / "2023" / name, folder / name)


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    setup: tuple[Callable[[Path], object], ...] = ()  # each prepares inputs in the scratch folder

    @property
    def expected(self) -> Path:
        return EXPECTED / f"{self.name}.txt"


def _cases() -> list[Case]:
    cases: list[Case] = []
    for lang in LANGS:
        for label, path in INPUTS.items():
            for fmt in FORMATS:
                cases.append(
                    Case(f"check-{label}-{fmt}-{lang}", ("check", path, "--format", fmt, "--lang", lang))
                )
        for fmt in FORMATS:
            cases.append(
                Case(
                    f"check-every-status-{fmt}-{lang}",
                    ("check", "2023-partial", "--rules", "pack-warn", "--format", fmt, "--lang", lang),
                    (every_status_inputs,),
                )
            )
            cases.append(
                Case(
                    f"check-mixed-{fmt}-{lang}", ("check", "mixed", "--format", fmt, "--lang", lang), (mixed,)
                )
            )
        cases += [
            Case(f"check-2023-strict-{lang}", ("check", "samples/2023", "--strict", "--lang", lang)),
            Case(f"check-2023-quiet-{lang}", ("check", "samples/2023", "--quiet", "--lang", lang)),
            Case(
                f"check-2023-select-{lang}",
                (
                    "check",
                    "samples/2023",
                    "--select",
                    "c16.*,c4",
                    "--ignore",
                    "c4.red-majors-phase-out",
                    "--lang",
                    lang,
                ),
            ),
            Case(f"check-bare-path-{lang}", ("examples/failing", "--lang", lang)),
            Case(f"validate-2023-{lang}", ("validate", "samples/2023", "--lang", lang)),
            Case(f"validate-mixed-{lang}", ("validate", "mixed", "--lang", lang), (mixed,)),
            Case(
                f"validate-mixed-json-{lang}",
                ("validate", "mixed", "--format", "json", "--lang", lang),
                (mixed,),
            ),
            Case(
                f"template-lengshuitan-{lang}",
                ("template", "--unit", "冷水滩区", "--year", "2024", "--lang", lang),
            ),
            Case(
                f"template-shibenji-{lang}",
                ("template", "--unit", "永州市本级", "--year", "2024", "--lang", lang),
            ),
            Case(f"schema-{lang}", ("schema", "--lang", lang)),
            Case(f"usage-unknown-rule-{lang}", ("check", "samples/2023", "--select", "c99", "--lang", lang)),
            Case(
                f"usage-two-stdout-{lang}",
                ("check", "samples/2023", "-f", "json", "-f", "junit", "--lang", lang),
            ),
        ]
        for fmt in ("table", "json"):
            cases += [
                Case(f"rules-{fmt}-{lang}", ("rules", "--format", fmt, "--lang", lang)),
                Case(f"coverage-{fmt}-{lang}", ("coverage", "--format", fmt, "--lang", lang)),
                *(
                    Case(f"explain-{rule}-{fmt}-{lang}", ("explain", rule, "--format", fmt, "--lang", lang))
                    for rule in EXPLAINED
                ),
            ]
    return cases


CASES = _cases()
