"""The Python API: what a Conversion holds, the options, validate()."""

from __future__ import annotations

import datetime
import pathlib

import pytest

import un2akn
from conftest import HERE, ROOT

RESOLUTION = (ROOT / "examples" / "A_HRC_RES_49_34.md").read_text(encoding="utf-8")
DRAFT = (ROOT / "examples" / "A_HRC_58_L_draft_Mali.md").read_text(encoding="utf-8")
TEXT = (HERE / "fixtures" / "A_RES_80_202.txt").read_text(encoding="utf-8")

# A resolution whose text prints no date of adoption (nor of issuance).
UNDATED = (
    "## Resolution adopted by the General Assembly\n\n"
    "### 80/999. Technical assistance\n\n*The General Assembly,*\n\n"
    "*Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n"
)


def test_a_conversion_holds_xml_document_warnings_furniture_and_format():
    conversion = un2akn.convert(RESOLUTION)
    assert isinstance(conversion, un2akn.Conversion)
    assert conversion.xml.startswith("<?xml")
    assert "/akn/un/statement/deliberation/unhrc/2022-04-01/49-34" in conversion.xml
    assert conversion.format == "markdown"
    assert conversion.warnings == []
    identity = conversion.document["identity"]
    assert identity["symbol"] == "A/HRC/RES/49/34"
    assert identity["adoptionDate"] == "2022-04-01"
    assert identity["language"] == "eng"
    # The model is built once, then the same object is returned.
    assert conversion.document is conversion.document
    assert [f.kind for f in conversion.furniture] == ["pageBreak"] * len(conversion.furniture)
    assert len(conversion.furniture) >= 1
    assert "A/HRC/RES/49/34" in repr(conversion)


def test_text_input_reports_furniture_with_positions():
    conversion = un2akn.convert(TEXT)
    assert conversion.format == "text"
    kinds = {f.kind for f in conversion.furniture}
    assert {"jobNumber", "pageCounter"} <= kinds
    first = conversion.furniture[0]
    assert first.line >= 1 and first.column >= 1 and first.text
    lines = TEXT.splitlines()
    for piece in conversion.furniture:
        if piece.kind in ("jobNumber", "pageCounter", "barcode"):
            assert piece.text.strip() in lines[piece.line - 1]


def test_warnings_carry_line_column_and_message():
    conversion = un2akn.convert(DRAFT)
    (warning,) = conversion.warnings
    assert isinstance(warning, un2akn.Diagnostic)
    assert (warning.line, warning.column) == (26, 1)
    assert "does not carry its document symbol" in warning.message
    assert str(warning) == f"26:1: warning: {warning.message}"
    assert repr(warning).startswith("Diagnostic(line=26, column=1, message='the text does not")
    assert un2akn.convert(DRAFT, symbol="A/HRC/58/L.12").warnings == []


def test_bytes_are_converted_like_text():
    assert un2akn.convert(RESOLUTION.encode()).xml == un2akn.convert(RESOLUTION).xml
    # A byte-order mark is skipped.
    assert un2akn.convert(b"\xef\xbb\xbf" + RESOLUTION.encode()).xml == un2akn.convert(RESOLUTION).xml


def test_lossy_replaces_bad_bytes_with_a_warning():
    data = RESOLUTION.replace("seized", "seiz\u00e9d").encode().replace("\u00e9".encode(), b"\xe9")
    conversion = un2akn.convert(data, lossy=True)
    assert "seiz\ufffdd" in conversion.xml
    assert any("invalid UTF-8" in w.message for w in conversion.warnings)


def test_date_is_the_adoption_date_when_the_text_gives_none():
    plain = un2akn.convert(UNDATED)
    assert plain.document["identity"]["adoptionDate"] is None
    assert any("no date of issuance or adoption" in w.message for w in plain.warnings)
    for date in ("2025-12-15", datetime.date(2025, 12, 15)):
        dated = un2akn.convert(UNDATED, date=date)
        assert dated.document["identity"]["adoptionDate"] == "2025-12-15"
        assert "/akn/un/statement/deliberation/unga/2025-12-15/80-999" in dated.xml
        assert not any("no date of issuance or adoption" in w.message for w in dated.warnings)
        assert un2akn.validate(dated.xml) == []


def test_a_printed_date_wins_over_the_given_one_with_a_warning():
    conversion = un2akn.convert(RESOLUTION, date="2022-05-01")
    assert conversion.document["identity"]["adoptionDate"] == "2022-04-01"
    assert [w.message for w in conversion.warnings] == [
        "the text gives the date of adoption 2022-04-01; the given date 2022-05-01 is not used"
    ]


def test_lang_sets_the_expression_language():
    conversion = un2akn.convert(RESOLUTION, lang="fra")
    assert conversion.document["identity"]["language"] == "fra"
    assert '<FRBRlanguage language="fra"/>' in conversion.xml
    assert "/49-34/fra@" in conversion.xml and "/eng@" not in conversion.xml
    assert un2akn.validate(conversion.xml) == []
    assert un2akn.LANGUAGES == ["eng", "fra", "spa", "rus", "zho", "ara"]


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"lang": "xx"}, ValueError),
        ({"lang": "english"}, ValueError),
        ({"date": "1 April 2022"}, ValueError),
        ({"date": "2022-02-30"}, ValueError),
        ({"date": 20220401}, TypeError),
        ({"input_format": "pdf"}, ValueError),
    ],
)
def test_bad_arguments_raise(kwargs, error):
    with pytest.raises(error) as raised:
        un2akn.convert(RESOLUTION, **kwargs)
    assert not isinstance(raised.value, un2akn.ConversionError)


def test_text_of_another_type_is_a_type_error():
    for value in (None, 42, bytearray(b"x"), ["text"]):
        with pytest.raises(TypeError):
            un2akn.convert(value)


def test_input_format_overrides_detection():
    assert un2akn.convert(RESOLUTION, input_format="text").format == "text"
    assert un2akn.convert(RESOLUTION, input_format="md").format == "markdown"


def test_validate_false_skips_only_the_schema_check():
    assert un2akn.convert(RESOLUTION, validate=False).xml == un2akn.convert(RESOLUTION).xml


def test_convert_file_takes_str_and_paths(tmp_path):
    path = ROOT / "examples" / "A_HRC_RES_49_34.md"
    assert un2akn.convert_file(str(path)).xml == un2akn.convert_file(pathlib.Path(path)).xml
    with pytest.raises(FileNotFoundError):
        un2akn.convert_file(tmp_path / "missing.md")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"ok\n\xff\n")
    with pytest.raises(un2akn.InvalidUtf8Error) as raised:
        un2akn.convert_file(bad)
    assert raised.value.filename == str(bad)
    assert str(raised.value).startswith(f"{bad}:2:1: invalid UTF-8 at byte 3")


def test_validate_returns_the_problems():
    assert un2akn.validate(un2akn.convert(RESOLUTION).xml) == []
    assert un2akn.validate(un2akn.convert(RESOLUTION).xml.encode()) == []
    (problem,) = un2akn.validate("<a/>")
    assert isinstance(problem, un2akn.Problem)
    assert (problem.kind, problem.line, problem.column) == ("invalid", 1, 1)
    assert "no matching global declaration" in problem.message
    broken = un2akn.validate("<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>\n<act>")
    assert broken and all(p.kind == "malformed" for p in broken)
    assert broken[0].line == 2
    xml = un2akn.convert(RESOLUTION).xml.replace('name="recalling"', 'nome="recalling"', 1)
    problems = un2akn.validate(xml)
    assert problems and problems[0].kind == "invalid"
    assert problems[0].line == xml[: xml.index('nome="recalling"')].count("\n") + 1
    with pytest.raises(un2akn.InvalidUtf8Error):
        un2akn.validate(b"<a>\xff</a>")


def test_the_package_is_typed_and_documented():
    package = pathlib.Path(un2akn.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_un2akn.pyi").exists()
    for name in un2akn.__all__:
        item = getattr(un2akn, name)
        if callable(item):
            assert item.__doc__ and len(item.__doc__) > 20, name
    assert un2akn.__version__ == "0.1.0"
