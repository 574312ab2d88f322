"""One version of an ontology: Turtle files or folders as they are now, or as a git revision has them.

``OLD`` and ``NEW`` of ``kamgraph diff`` are each a path (read as ``--ontology``
would be) or, when no such path exists, a git revision (``HEAD~1``, a tag, a
commit) of the ontology paths: their files at that revision are written to a
temporary folder with ``git archive`` and loaded from there, and any finding
names them ``REV:path`` as git does.
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from kamgraph.errors import KamgraphError, LoadError
from kamgraph.findings import Finding
from kamgraph.sources.files import load_ontology
from kamgraph.sources.ontology import Ontology

GIT_TIMEOUT = 60.0  # seconds for one git command


class RevisionError(KamgraphError):
    """A version is neither an existing path nor a git revision holding the ontology paths."""


def load_version(spec: str, ontology_paths: list[Path]) -> Ontology:
    """``spec`` as a file or folder if it exists, else the ``ontology_paths`` at git revision ``spec``."""
    if Path(spec).exists():
        return load_ontology([Path(spec)])
    return load_revision(spec, ontology_paths)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError as exc:
        raise RevisionError("git is not installed, so a revision cannot be read; give a file or folder") from exc
    except subprocess.TimeoutExpired as exc:
        raise RevisionError(f"git did not answer within {GIT_TIMEOUT:g} s") from exc


def load_revision(revision: str, ontology_paths: list[Path]) -> Ontology:
    """The ontology paths as git ``revision`` has them (every path inside one git work tree)."""
    anchor = next((p if p.is_dir() else p.parent for p in ontology_paths if p.exists()), Path.cwd())
    top = _git(["rev-parse", "--show-toplevel"], anchor.resolve())
    if top.returncode != 0:
        raise RevisionError(f"{revision!r} is not a file or folder, and {anchor} is not inside a git repository, "
                            "so it cannot be a revision either")
    root = Path(top.stdout.decode().strip())
    if revision.startswith("-") or _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
                                        root).returncode != 0:
        raise RevisionError(f"{revision!r} is neither a file or folder nor a git revision "
                            "(try a path, HEAD~1, a tag or a commit)")
    inside = [_inside(root, path) for path in ontology_paths]
    archive = _git(["archive", "--format=tar", revision, "--", *inside], root)
    if archive.returncode != 0:
        raise RevisionError(f"{revision} has no {', '.join(inside)} ({_first_line(archive.stderr)})")
    with tempfile.TemporaryDirectory(prefix="kamgraph-revision-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        try:
            return load_ontology([Path(folder) / relative for relative in inside])
        except LoadError as failure:
            raise LoadError([_renamed(finding, folder, revision) for finding in failure.findings]) from None


def _inside(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() or "."
    except ValueError as exc:
        raise RevisionError(f"{path} is not inside the git repository {root}") from exc


def _renamed(finding: Finding, folder: str, revision: str) -> Finding:
    """A finding about a file of the temporary folder, naming it as git does: ``REV:ontology/x.ttl``."""
    if finding.file and folder in finding.file:
        return dataclasses.replace(finding, file=f"{revision}:{finding.file.split(folder, 1)[1].lstrip('/')}")
    return finding


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "git failed"
