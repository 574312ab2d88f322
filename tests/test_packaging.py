"""Packaging as users get it: an sdist whose tests run, and a wheel with every data file the code reads.

Both are built here, offline, with the current interpreter's setuptools (``build
--no-isolation``), from a copy of the project without the clutter of a working
checkout: setuptools adds every file of an existing ``*.egg-info/SOURCES.txt`` to
the sdist, which would hide a file MANIFEST.in forgets. The wheel is built from
the sdist, as pip does, so a file the sdist lacks is missing from the wheel too.
"""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

# What the sdist's tests need beyond the package: their data, the ontology, the committed maps
# they compare a fresh build with, the generator test_scale imports, and the files test_docs reads.
SDIST_FOLDERS = ("kamgraph", "tests", "ontology", "output", "benchmarks")
SDIST_FILES = ("README.md", "LICENSE", "pyproject.toml", "MANIFEST.in", "dev.py", ".ci/run",
               "benchmarks/skos_generator.py", "kamgraph/py.typed", "tests/conftest.py")

# What a working checkout has and a fresh clone has not: left out of the copy the dists are built from.
CHECKOUT_ONLY = {".git", ".venv", "build", "dist", ".pytest_cache", ".hypothesis", ".benchmarks", ".mypy_cache",
                 ".ruff_cache"}
GENERATED = {"__pycache__", ".layout-cache"}


def clean_copy(folder: str, names: list[str]) -> set[str]:
    return {name for name in names if name in GENERATED or name.endswith((".pyc", ".egg-info"))
            or (Path(folder) == ROOT and name in CHECKOUT_ONLY)}


def files_under(root: Path, folder: str) -> set[str]:
    """Every regular file below ``root/folder``, relative to ``root``."""
    return {path.relative_to(root).as_posix() for path in (root / folder).rglob("*")
            if path.is_file() and not path.is_symlink()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The project as a fresh clone has it (plus uncommitted work): what the dists are built from."""
    copy = tmp_path_factory.mktemp("project") / "kamgraph"
    shutil.copytree(ROOT, copy, ignore=clean_copy, symlinks=True)
    return copy


@pytest.fixture(scope="module")
def dists(project: Path, tmp_path_factory) -> dict[str, Path]:
    try:
        import build  # noqa: F401
    except ImportError:
        pytest.fail("`build` is missing: it comes with the test extras (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(project)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return {"sdist": next(out.glob("*.tar.gz")), "wheel": next(out.glob("*.whl"))}


@pytest.fixture(scope="module")
def sdist_names(dists) -> set[str]:
    with tarfile.open(dists["sdist"]) as archive:
        names = [member.name for member in archive.getmembers() if member.isfile()]
    top = {name.split("/", 1)[0] for name in names}
    assert top == {dists["sdist"].name.removesuffix(".tar.gz")}
    return {name.split("/", 1)[1] for name in names}


def test_the_sdist_holds_what_its_tests_need(project, sdist_names):
    assert set(SDIST_FILES) <= sdist_names, sorted(set(SDIST_FILES) - sdist_names)
    for folder in SDIST_FOLDERS:
        missing = files_under(project, folder) - sdist_names
        assert not missing, f"{folder}/: {sorted(missing)[:20]}"
    assert not [name for name in sdist_names if name.endswith(".pyc") or "/.layout-cache/" in name]


def test_the_wheel_holds_the_package_and_its_data_files(project, dists):
    with zipfile.ZipFile(dists["wheel"]) as archive:
        names = set(archive.namelist())
        metadata = email.message_from_bytes(archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))))
    package = files_under(project, "kamgraph")
    assert {"kamgraph/py.typed", "kamgraph/views/templates/map.html.j2"} <= package
    assert any(name.startswith("kamgraph/vocabulary/") and name.endswith(".ttl") for name in package)
    assert package <= names, sorted(package - names)  # templates/*, vocabulary/*.ttl, py.typed, every module
    dist_info = f"{metadata['Name']}-{metadata['Version']}.dist-info"
    assert {name.split("/", 1)[0] for name in names} == {"kamgraph", dist_info}  # no tests/ or ontology/
    assert f"{dist_info}/licenses/LICENSE" in names
    assert metadata["License-Expression"] == "MIT"
    assert "Typing :: Typed" in metadata.get_all("Classifier")
    assert metadata.get_all("Project-URL")


def test_the_sdists_own_tests_run_from_it(dists, tmp_path: Path):
    with tarfile.open(dists["sdist"]) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later: refuse links and paths out of tmp_path
            archive.extractall(tmp_path, filter="data")
        else:
            archive.extractall(tmp_path)
    (tree,) = tmp_path.iterdir()
    assert not (tree / ".git").exists()
    # `python -m` puts the working folder first on sys.path: the sdist's own kamgraph, not this checkout's.
    where = subprocess.run([sys.executable, "-c", "import kamgraph; print(kamgraph.__file__)"], cwd=tree,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(tree), where
    # The README's checks, the API's example (ontology/ and a build), and test_pipeline (benchmarks/skos_generator.py).
    chosen = [next(tree.glob(f"tests/**/{name}")) for name in ("test_docs.py", "test_api.py", "test_pipeline.py")]
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *map(str, chosen)],
                         cwd=tree, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    assert " passed" in ran.stdout and " failed" not in ran.stdout
