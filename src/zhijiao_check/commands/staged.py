"""``check --staged-removals``: the year folders that the staged changes take a report out of.

pre-commit gives a hook the files a commit adds or changes, never those it deletes: a commit that only
deletes a report (``git rm reports/2023/jindong.yaml``), or moves it to another year's folder, was never
checked, and the next person to commit in that year was refused for the unit gone missing. This asks git
itself which report files the index no longer holds (a move is a deletion of its old path: renames are not
looked for), so that the folders they leave can be checked whole before the commit.

A repository with no commit yet (git has no ``HEAD``) has nothing a commit could delete: ``git diff --cached``
compares its index with the empty tree, every file an addition. Its first commit (a team's ``README`` and
``.pre-commit-config.yaml``, the reports to come) passes with a note, whatever the pathspecs, which the next
commit checks against ``HEAD``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from zhijiao_check.errors import FatalError
from zhijiao_check.files import display_name
from zhijiao_check.records import record


@record
class Removed:
    """What the staged changes remove: ``folders``, those to check whole; ``first_commit``: the repository has
    no commit yet, so nothing can have been removed (and ``folders`` is empty)."""

    folders: tuple[Path, ...]
    first_commit: bool = False


def removed_from(pathspecs: Sequence[Path], start: Path) -> Removed:
    """The folders (each once, in git's order) that held a report file the index of the git repository at
    ``start`` deletes, limited to ``pathspecs`` (git's, relative to ``start``; none: the whole repository).
    A folder that is gone, or holds no report any more (the year's last one removed), has nothing left to
    check and is left out."""
    from zhijiao_check.report.find import find_reports, is_report_name

    top = Path(_git(["rev-parse", "--show-toplevel"], start).rstrip("\n"))
    # git's own answer to "is there a commit": HEAD resolves to one. Before it, every staged file is added.
    if _git(["rev-parse", "--verify", "--quiet", "HEAD"], start, allowed=(1,)) == "":
        return Removed((), first_commit=True)
    _each_matches(pathspecs, start)
    listed = _git(
        [
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=D",
            "--",
            *map(str, pathspecs),
        ],
        start,
    )
    removed = [Path(name) for name in listed.split("\0") if name]
    folders = dict.fromkeys(top / path.parent for path in removed if is_report_name(path))
    return Removed(tuple(folder for folder in folders if folder.is_dir() and find_reports([folder])[0]))


def _each_matches(pathspecs: Sequence[Path], start: Path) -> None:
    """Refuse (exit 2) a pathspec that names no file of the index or of HEAD: the hook's ``args:
    [report/]`` (a typo of ``reports/``) found nothing removed there before every commit, and passed every
    deletion for good without a word. A warning would not do: pre-commit shows a passing hook's output only
    with ``--verbose``. A pathspec whose files are all newly added matches them in the index: nothing is
    removed there yet, and the commit passes. Asked only once there is a ``HEAD`` (``removed_from``)."""
    if not pathspecs:
        return
    tree = ["--with-tree=HEAD"]  # the index and HEAD together: a file deleted from the index still matches
    unmatched = [spec for spec in pathspecs if not _git(["ls-files", "-z", *tree, "--", str(spec)], start)]
    if unmatched:
        raise FatalError("staged-unmatched", paths=" ".join(display_name(spec) for spec in unmatched))


def _git(arguments: list[str], start: Path, allowed: tuple[int, ...] = ()) -> str:
    """git's standard output for ``arguments`` run in ``start``; a git that is not there, or a folder outside
    any repository, is the user's to fix and told so (exit 2), not a traceback. ``allowed``: exit statuses
    besides 0 that are an answer, not a failure (``rev-parse --verify`` of a HEAD not there yet)."""
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *arguments],
            cwd=start,
            capture_output=True,
            check=False,
            # names as git stores them: bytes that are not UTF-8 kept as the file system's own
            env={**os.environ, "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise FatalError("staged-no-git") from None
    if done.returncode != 0 and done.returncode not in allowed:
        said = os.fsdecode(done.stderr).strip()
        if "not a git repository" in said:
            raise FatalError("staged-not-a-repository", folder=display_name(start))
        raise FatalError("staged-git-failed", reason=said.splitlines()[-1] if said else done.returncode)
    return os.fsdecode(done.stdout)
