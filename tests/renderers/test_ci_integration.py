"""The pre-commit hook, run as pre-commit runs it, and the example pipelines of docs/ci.md,
run on the samples.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

DOCS = ROOT / "docs" / "ci.md"


def hook(name: str = "zhijiao-check") -> dict[str, Any]:
    declared = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [found] = [entry for entry in declared if entry["id"] == name]
    return dict(found)


def chosen(files: list[str]) -> list[str]:
    """The files pre-commit passes to the hook: its ``types`` (every file: pre-commit's types have no
    workbook), ``files`` and ``exclude``, which chooses the names of reports."""
    declared = hook()
    assert declared["types"] == ["file"]
    return [
        f for f in files if re.search(declared.get("files", ""), f) and not re.search(declared["exclude"], f)
    ]


def run_hook(files: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    """``entry args files``, with the console script of the installed package on PATH,
    as in pre-commit's venv.
    """
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [*shlex.split(hook()["entry"]), *args, *chosen(files)]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False
    )


def test_hook_is_declared_for_every_report_format_and_runs_the_console_script() -> None:
    declared = hook()
    assert declared["id"] == "zhijiao-check" and declared["language"] == "python"
    assert declared["require_serial"] is True
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert shlex.split(declared["entry"])[0] in scripts
    assert chosen(
        [
            "reports/2023/a.yaml",
            "b.yml",
            "c.json",
            "reports/2023/jiangyong.xlsx",
            "reports/2023/JIANGHUA.XLSM",
            "reports/2023/dongan.yaml.txt",
            "reports/2023/daoxian.json.txt",
            "reports/2023/ningyuan.xls",
            "reports/2023/lanshan.XLSB",
            "reports/2023/xintian.xltx",
            "reports/2023/jianghua.numbers",
            "reports/2023/shuangpai.fods",
            ".gitlab-ci.yml",
            ".github/workflows/x.yml",
            ".pre-commit-config.yaml",
            "reports/2023/~$jiangyong.xlsx.tmp",
            "reports/2023/说明.txt",
            "reports/2023/名单.csv",
            "README.md",
        ]
    ) == [
        "reports/2023/a.yaml",
        "b.yml",
        "c.json",
        "reports/2023/jiangyong.xlsx",
        "reports/2023/JIANGHUA.XLSM",
        "reports/2023/dongan.yaml.txt",
        "reports/2023/daoxian.json.txt",
        "reports/2023/ningyuan.xls",  # refused by name when read: save it as .xlsx
        "reports/2023/lanshan.XLSB",  # as the folder's search lists them (source.OTHER_SPREADSHEETS)
        "reports/2023/xintian.xltx",
        "reports/2023/jianghua.numbers",
        "reports/2023/shuangpai.fods",
    ]


def test_hook_passes_good_reports(tmp_path: Path) -> None:
    year = tmp_path / "2023"
    year.mkdir()
    for name in ("lingling.yaml", "daoxian.yaml"):
        shutil.copy(ROOT / "samples" / "2023" / name, year / name)
    done = run_hook([str(year / "lingling.yaml"), ".pre-commit-hooks.yaml", "README.md"])
    assert done.returncode == 0, done.stdout + done.stderr
    # 道县 was not committed, but it is in the same year's folder: checked with it.
    assert "零陵区" in done.stdout and "道县" in done.stdout and "退出状态 0" in done.stdout


def test_hook_checks_the_year_of_a_committed_city_report() -> None:
    """The 市本级 report alone is committed: the city-wide rules see its 14 sibling units, none missing."""
    done = run_hook(["samples/2023/shibenji.yaml"])
    assert "全市 · 2023 年 · 15/15 个单位" in done.stdout
    assert "缺少单位" not in done.stdout and "? missing" not in done.stdout


def test_hook_stops_failing_reports() -> None:
    done = run_hook(sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples" / "failing").glob("*.yaml")))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "✗ fail" in done.stdout and "c1.vocational-share" in done.stdout and "\x1b[" not in done.stdout


def test_hook_stops_an_invalid_report(invalid_report: Path) -> None:
    done = run_hook([str(invalid_report), "samples/2023/lingling.yaml"])
    assert done.returncode == 2
    assert "broken.yaml" in done.stdout


def test_hook_strict_stops_a_year_behind_schedule() -> None:
    year = [str(p.relative_to(ROOT)) for p in (ROOT / "samples" / "2022").glob("*.yaml")]
    assert run_hook(year).returncode == 1  # c10.craftsman-students fails in 2022
    done = run_hook(year, "--strict", "--select", "c8.demonstration-enterprises")
    assert done.returncode == 1 and "↓ behind" in done.stdout
    assert run_hook(year, "--select", "c8.demonstration-enterprises").returncode == 0


# docs/ci.md
# ----------------------------------------------------------------------------------------------------------


def yaml_blocks() -> list[Any]:
    text = DOCS.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def commands(value: Any) -> list[str]:
    """Every ``zhijiao-check check …`` command line in a loaded YAML document."""
    if isinstance(value, dict):
        return [c for v in value.values() for c in commands(v)]
    if isinstance(value, list):
        return [c for v in value for c in commands(v)]
    return [value] if isinstance(value, str) and value.startswith("zhijiao-check check") else []


def outputs(command: str) -> dict[str, str]:
    words = shlex.split(command)
    formats = [words[i + 1] for i, w in enumerate(words) if w == "--format"]
    files = [words[i + 1] for i, w in enumerate(words) if w == "--output"]
    return dict(zip(formats, files))


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Any]:
    github, gitlab, precommit = yaml_blocks()
    return {"github": github, "gitlab": gitlab, "pre-commit": precommit}


def test_readme_links_the_ci_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/ci.md" in readme


def test_github_workflow_uploads_what_the_check_writes(pipelines: dict[str, Any]) -> None:
    steps = pipelines["github"]["jobs"]["check"]["steps"]
    command, year = commands(steps)
    written = outputs(command)
    assert shlex.split(command)[-2:] == ["--format", "github"]  # the annotations on standard output
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == written["sarif"]
    comment = next(s for s in steps if "gh pr comment" in str(s.get("run", "")))
    [markdown] = outputs(year).values()
    assert markdown in comment["run"]
    written_for_year = next(s for s in steps if s.get("run") == year)
    assert all("cancelled()" in str(s["if"]) for s in (upload, comment, written_for_year))


def test_github_workflow_comments_on_one_year_within_githubs_limit(
    pipelines: dict[str, Any], tmp_path: Path
) -> None:
    """The Markdown of every year passed the 65,536 characters GitHub takes in a comment (two years of
    samples/: 105,000): the workflow writes the comment for the year being reported, in either language."""
    workflow = pipelines["github"]
    _, year = commands(workflow["jobs"]["check"]["steps"])
    assert workflow["env"]["REPORT_YEAR"].isdigit()
    shutil.copytree(ROOT / "samples", tmp_path / "reports")  # two years in the repository
    tool = f"{shlex.quote(sys.executable)} -m zhijiao_check"
    for lang in ("zh", "en"):
        line = year.replace("zhijiao-check", tool).replace("build/", f"build/{lang}-")
        done = subprocess.run(
            ["bash", "-c", line.replace(" || ", f" --lang {lang} || ", 1)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "REPORT_YEAR": "2023", "PYTHONPATH": str(ROOT / "src")},
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr  # the step passes: the check before it failed the job
        comment = (tmp_path / "build" / f"{lang}-comment.md").read_text(encoding="utf-8")
        assert 30_000 < len(comment.encode("utf-16-le")) // 2 < 65_536
        assert "✂️" not in comment  # the whole year, not cut
        assert "reports/2022/" not in comment and "reports/2023/" in comment


def test_gitlab_job_reads_the_junit_it_writes(pipelines: dict[str, Any]) -> None:
    job = pipelines["gitlab"]["zhijiao-check"]
    [command] = commands(job)
    written = outputs(command)
    assert job["artifacts"]["reports"]["junit"] == written["junit"]
    assert job["artifacts"]["when"] == "always"
    assert written["markdown"] in " ".join(job["after_script"])
    assert pipelines["pre-commit"]["repos"][0]["hooks"][0]["id"] == hook()["id"]


def test_docs_configure_every_hook_declared() -> None:
    """docs/ci.md's `.pre-commit-config.yaml` sets up each hook of `.pre-commit-hooks.yaml`, the one for
    removed reports limited to the reports' folder as the one for committed reports is."""
    declared = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [*_, precommit] = yaml_blocks()
    hooks = {entry["id"]: entry for entry in precommit["repos"][0]["hooks"]}
    assert set(hooks) == {entry["id"] for entry in declared}
    assert hooks["zhijiao-check"]["files"] == "^reports/"
    assert hooks["zhijiao-check-removed"]["args"] == ["reports/"]
    removed = hook("zhijiao-check-removed")
    assert removed["always_run"] is True and removed["pass_filenames"] is False


@pytest.mark.parametrize("name", ["github", "gitlab"])
def test_pipeline_command_runs_on_the_samples(pipelines: dict[str, Any], name: str, tmp_path: Path) -> None:
    command = commands(pipelines[name])[0]
    words = [
        w.replace("reports/", "samples/2023/").replace("build/", f"{tmp_path}/") for w in shlex.split(command)
    ]
    assert words[:2] == ["zhijiao-check", "check"]
    done = subprocess.run(
        [sys.executable, "-m", "zhijiao_check", *words[1:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the samples have designed failures
    for fmt, file in outputs(command).items():
        assert Path(file.replace("build/", f"{tmp_path}/")).stat().st_size > 0, fmt
    assert done.stdout.strip()


def test_gitlab_comment_is_one_note_edited_by_each_pipeline(
    pipelines: dict[str, Any], tmp_path: Path
) -> None:
    """The after_script against a stand-in for GitLab's notes API: the first pipeline makes the note, the
    second edits it instead of adding another; a reviewer's note is left alone."""
    import http.server
    import json
    import threading

    notes: list[dict[str, Any]] = [{"id": 1, "body": "审核意见：请补充说明"}]
    calls: list[str] = []

    class Notes(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def reply(self, data: Any) -> None:
            body = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            calls.append(f"GET {self.path}")
            assert self.headers["PRIVATE-TOKEN"] == "glpat-test"
            self.reply(list(reversed(notes)))

        def do_POST(self) -> None:
            calls.append(f"POST {self.path}")
            notes.append(
                {"id": len(notes) + 1, **json.loads(self.rfile.read(int(self.headers["Content-Length"])))}
            )
            self.reply(notes[-1])

        def do_PUT(self) -> None:
            calls.append(f"PUT {self.path}")
            note = next(n for n in notes if self.path.endswith(f"/notes/{n['id']}"))
            note.update(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.reply(note)

    server = http.server.HTTPServer(("127.0.0.1", 0), Notes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    [script] = pipelines["gitlab"]["zhijiao-check"]["after_script"]
    env = {
        **os.environ,
        "CI_MERGE_REQUEST_IID": "7",
        "ZHIJIAO_BOT_TOKEN": "glpat-test",
        "CI_PROJECT_ID": "42",
        "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4",
    }
    (tmp_path / "build").mkdir()
    try:
        for pipeline in ("第一次：2 项未达标", "第二次：全部达标"):
            (tmp_path / "build" / "comment.md").write_text(pipeline, encoding="utf-8")
            done = subprocess.run(
                ["bash", "-c", script],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert done.returncode == 0, done.stderr
    finally:
        server.shutdown()
    assert [c.split("?")[0] for c in calls] == [
        "GET /api/v4/projects/42/merge_requests/7/notes",
        "POST /api/v4/projects/42/merge_requests/7/notes",
        "GET /api/v4/projects/42/merge_requests/7/notes",
        "PUT /api/v4/projects/42/merge_requests/7/notes/2",
    ]
    assert notes == [
        {"id": 1, "body": "审核意见：请补充说明"},
        {"id": 2, "body": "<!-- zhijiao-check -->\n第二次：全部达标"},
    ]


def test_the_ci_guide_says_github_drops_annotations_past_its_limit() -> None:
    """GitHub shows 10 error and 10 warning annotations a step (50 a job) and drops the rest: the guide says
    so, and where the full list is, lest a year's eleventh miss be taken for none."""
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert "at most 10 error and 10 warning annotations per step, and 50 per job" in text
    assert "do not take the annotations for the full list" in text


def test_hook_takes_every_name_a_folder_search_lists() -> None:
    """The hook's ``exclude`` and the folder search choose the same names: a spreadsheet the search lists as
    refused (``source.OTHER_SPREADSHEETS``) left out by the hook would be committed without a word."""
    from zhijiao_check.source import NOTEPAD_SUFFIXES, OTHER_SPREADSHEETS, REPORT_SUFFIXES

    names = [
        f"reports/2023/x{suffix}" for suffix in (*REPORT_SUFFIXES, *OTHER_SPREADSHEETS, *NOTEPAD_SUFFIXES)
    ]
    assert chosen(names) == names
