"""The same answer as the command line: for every example and vendored
corpus document, the package's XML is byte for byte the CLI's, and its
document is the CLI's `--format json`. A document that does not print its
symbol or date gets the same values in both (conftest.IDENTITY)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import un2akn
from conftest import IDENTITY, ROOT, UNDATED, cli_identity, documents, identity, key

DOCUMENTS = documents()


def run_cli(cli: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(cli), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_the_documents_are_there():
    # Both examples and the vendored corpus: a parity run over nothing proves nothing.
    assert len([p for p in DOCUMENTS if p.parent.name == "examples"]) == 2
    assert len(DOCUMENTS) >= 20
    # Every entry of the identity table names a document that is converted.
    assert set(IDENTITY) <= {key(p) for p in DOCUMENTS}


@pytest.mark.parametrize("name", sorted(IDENTITY))
def test_the_identity_table_gives_only_what_the_text_lacks(cli, name):
    # Without its entry, the document fails in both, at the same place, for
    # the keyword (option) the entry gives: the table hides nothing else.
    path = ROOT / name
    result = run_cli(cli, "convert", str(path))
    assert result.returncode == 1 and result.stdout == b""
    with pytest.raises(un2akn.MissingIdentityError) as raised:
        un2akn.convert_file(path)
    error = raised.value
    assert error.option in IDENTITY[name]
    first = result.stderr.decode().splitlines()[0]
    assert first.startswith(f"{path}:{error.line}:{error.column}: error: the text does not state {error.missing},")
    assert f"--{error.option} " in first


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_xml_is_the_clis_byte_for_byte(cli, path):
    expected = run_cli(cli, "convert", *cli_identity(path), str(path))
    assert expected.returncode == 0, expected.stderr.decode()
    conversion = un2akn.convert_file(path, **identity(path))
    assert conversion.xml.encode("utf-8") == expected.stdout
    # And from text in memory, as from the file.
    assert un2akn.convert(path.read_text(encoding="utf-8"), **identity(path)).xml == conversion.xml
    assert un2akn.validate(conversion.xml) == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_document_is_the_clis_json(cli, path):
    expected = run_cli(cli, "convert", "--format", "json", *cli_identity(path), str(path))
    assert expected.returncode == 0, expected.stderr.decode()
    assert un2akn.convert_file(path, **identity(path)).document == json.loads(expected.stdout)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_warnings_are_the_clis(cli, path):
    # The CLI prints "file:line:col: warning: message" (then a source snippet).
    expected = run_cli(cli, "convert", *cli_identity(path), str(path))
    assert expected.returncode == 0, expected.stderr.decode()
    prefix = f"{path}:"
    printed = [
        line[len(prefix):]
        for line in expected.stderr.decode().splitlines()
        if line.startswith(prefix) and ": warning: " in line
    ]
    assert [str(w) for w in un2akn.convert_file(path, **identity(path)).warnings] == printed


def test_options_agree_with_the_cli(cli):
    draft = ROOT / "examples" / "A_HRC_58_L_draft_Mali.md"
    expected = run_cli(
        cli, "convert", "--symbol", "A/HRC/58/L.12", "--date", "2025-01-01", "--lang", "fr",
        "--from", "md", str(draft),
    )
    assert expected.returncode == 0, expected.stderr.decode()
    conversion = un2akn.convert_file(
        draft, symbol="A/HRC/58/L.12", date="2025-01-01", lang="French", input_format="markdown"
    )
    assert conversion.xml.encode() == expected.stdout
    assert "/A-HRC-58-L.12/fra@" in conversion.xml
    # The printed date is kept, with the same warning at the same place.
    (warning,) = conversion.warnings
    assert f"{draft}:{warning}" in expected.stderr.decode().splitlines()


def test_bad_input_fails_in_both(cli, tmp_path):
    for name, data, error in [
        ("empty.md", b"", un2akn.EmptyInputError),
        ("latin1.md", b"# General Assembly\n\ncaf\xe9\n", un2akn.InvalidUtf8Error),
        ("binary.bin", b"\x7fELF\x02\x01\x00\x00", un2akn.NotADocumentError),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        result = run_cli(cli, "convert", str(path))
        assert result.returncode == 1 and result.stdout == b""
        with pytest.raises(error) as raised:
            un2akn.convert_file(path)
        # The CLI's first line is "file:line:col: error: message".
        first = result.stderr.decode().splitlines()[0]
        assert first.endswith(raised.value.message), (first, raised.value.message)
        if raised.value.line is not None:
            assert first.startswith(f"{path}:{raised.value.line}:{raised.value.column}: error: ")


def test_a_missing_date_fails_in_both_at_the_title(cli, tmp_path):
    # The same error at the same place; each names its own way to give the date.
    path = tmp_path / "undated.md"
    path.write_text(UNDATED, encoding="utf-8")
    result = run_cli(cli, "convert", str(path))
    assert result.returncode == 1 and result.stdout == b""
    with pytest.raises(un2akn.MissingIdentityError) as raised:
        un2akn.convert_file(path)
    error = raised.value
    assert (error.line, error.column, error.option) == (3, 1, "date")
    first = result.stderr.decode().splitlines()[0]
    common = "the text does not state its date of adoption, and nothing is invented; give it with "
    assert first.startswith(f"{path}:3:1: error: {common}--date YYYY-MM-DD")
    assert error.message.startswith(f"{common}date=")
    assert "--" not in error.message
    # With the date, both convert to the same bytes.
    dated = run_cli(cli, "convert", "--date", "2025-12-15", str(path))
    assert dated.returncode == 0, dated.stderr.decode()
    assert un2akn.convert_file(path, date="2025-12-15").xml.encode() == dated.stdout
