"""Shared fixtures: the repository's paths, the documents every parity test
converts, and the command-line binary built from the same sources."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import List

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the Cargo workspace (python/ is a member)


def documents() -> List[Path]:
    """Every example and every vendored corpus document: the repository's
    examples/, tests/fixtures/corpus/ (when present) and python/tests/fixtures/."""
    found = sorted((ROOT / "examples").glob("*.md"))
    corpus = ROOT / "tests" / "fixtures" / "corpus"
    if corpus.is_dir():
        found += sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt"))
    found += sorted(p for p in (HERE / "fixtures").iterdir() if p.suffix in (".md", ".txt"))
    return found


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
