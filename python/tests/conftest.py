"""Shared fixtures: the repository's paths, the documents every parity test
converts, and the command-line binary built from the same sources."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the Cargo workspace (python/ is a member)

# `cd python && python -m pytest` (as .ci/run does) puts python/ first on
# sys.path, where un2akn/ holds the package's sources without the compiled
# module: the tests must import the installed package. (A `maturin develop`
# build puts the module there, and then python/ is the package.)
_SOURCES = HERE.parent
if not any((_SOURCES / "un2akn").glob("_un2akn*.so")) and not any((_SOURCES / "un2akn").glob("_un2akn*.pyd")):
    sys.path[:] = [p for p in sys.path if Path(p or os.curdir).resolve() != _SOURCES]

# A resolution whose text prints no date of adoption (nor of issuance): its
# title is at line 3, column 1.
UNDATED = (
    "## Resolution adopted by the General Assembly\n\n"
    "### 80/999. Technical assistance\n\n*The General Assembly,*\n\n"
    "*Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n"
)


def documents() -> List[Path]:
    """Every example and every vendored corpus document: the repository's
    examples/, tests/fixtures/corpus/ (when present) and python/tests/fixtures/."""
    found = sorted((ROOT / "examples").glob("*.md"))
    corpus = ROOT / "tests" / "fixtures" / "corpus"
    if corpus.is_dir():
        found += sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt"))
    found += sorted(p for p in (HERE / "fixtures").iterdir() if p.suffix in (".md", ".txt"))
    return found


# What a document does not print and its conversion needs (nothing is
# invented: without these the library raises MissingIdentityError and the CLI
# fails), keyed by the path from the workspace root. Every parity test gives
# the same values to the package (as keywords) and to the CLI (as options).
IDENTITY: Dict[str, Dict[str, str]] = {
    "examples/A_HRC_58_L_draft_Mali.md": {"symbol": "A/HRC/58/L.12"},
}


def key(path: Path) -> str:
    """The key of ``path`` in :data:`IDENTITY`."""
    return path.resolve().relative_to(ROOT).as_posix()


def identity(path: Path) -> Dict[str, str]:
    """The keyword arguments of :func:`un2akn.convert` that ``path`` needs."""
    return dict(IDENTITY.get(key(path), {}))


def cli_identity(path: Path) -> List[str]:
    """The same as the CLI's options: ``--symbol …``, ``--date …``."""
    return [arg for name, value in identity(path).items() for arg in (f"--{name}", value)]


@pytest.fixture(scope="session")
def cli() -> Path:
    """The un2akn binary, built now with cargo from this checkout (the dev
    profile unless UN2AKN_CLI_PROFILE says otherwise). A missing cargo or a
    failed build fails the tests that need it: they are never skipped."""
    cargo = shutil.which("cargo") or str(Path.home() / ".cargo" / "bin" / "cargo")
    if not Path(cargo).exists():
        pytest.fail("cargo not found: the parity tests need it to build the un2akn binary")
    profile = os.environ.get("UN2AKN_CLI_PROFILE", "dev")
    build = subprocess.run(
        [cargo, "build", "--profile", profile, "--bin", "un2akn", "--message-format=json-render-diagnostics"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if build.returncode != 0:
        pytest.fail(f"cargo build --bin un2akn failed (exit {build.returncode})")
    for line in build.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            if message["target"]["name"] == "un2akn":
                return Path(message["executable"])
    pytest.fail("cargo built no un2akn executable")
