"""The Python API: what a Conversion holds, the options, validate()."""

from __future__ import annotations

import datetime
import pathlib
import pickle

import pytest

import un2akn
from conftest import HERE, ROOT, UNDATED

RESOLUTION = (ROOT / "examples" / "A_HRC_RES_49_34.md").read_text(encoding="utf-8")
DRAFT = (ROOT / "examples" / "A_HRC_58_L_draft_Mali.md").read_text(encoding="utf-8")
TEXT = (HERE / "fixtures" / "A_RES_80_202.txt").read_text(encoding="utf-8")
# The draft does not print its symbol; it prints its date of issuance.
DRAFT_SYMBOL = "A/HRC/58/L.12"


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
    # A given date that differs from the printed one: the printed one is kept,
    # with a warning at the title.
    conversion = un2akn.convert(DRAFT, symbol=DRAFT_SYMBOL, date="2025-01-01")
    (warning,) = conversion.warnings
    assert isinstance(warning, un2akn.Diagnostic)
    assert (warning.line, warning.column) == (26, 1)
    assert warning.message == (
        "the text is dated 2025-03-25 but --date/metadata says 2025-01-01; the text's date is kept"
    )
    assert str(warning) == f"26:1: warning: {warning.message}"
    assert repr(warning) == f"Diagnostic(line=26, column=1, message={warning.message!r})"
    assert conversion.document["identity"]["issuanceDate"] == "2025-03-25"
    assert un2akn.convert(DRAFT, symbol=DRAFT_SYMBOL).warnings == []
    assert un2akn.convert(DRAFT, symbol=DRAFT_SYMBOL, date="2025-03-25").warnings == []


def test_diagnostics_are_records():
    warning = un2akn.Diagnostic(26, 1, "a message")
    assert (warning.line, warning.column, warning.message) == (26, 1, "a message")
    assert warning == un2akn.Diagnostic(26, 1, "a message") != un2akn.Diagnostic(26, 2, "a message")
    assert pickle.loads(pickle.dumps(warning)) == warning


def test_a_draft_without_its_symbol_is_refused_not_invented():
    with pytest.raises(un2akn.MissingIdentityError) as raised:
        un2akn.convert(DRAFT)
    error = raised.value
    assert (error.line, error.column) == (26, 1)  # the draft's title
    assert error.option == "symbol"
    assert error.missing == "its document symbol (a draft's number)"
    assert 'symbol="' in error.message and "--symbol" not in error.message
    assert str(error) == f"26:1: {error.message}"
    conversion = un2akn.convert(DRAFT, symbol=DRAFT_SYMBOL)
    assert conversion.document["identity"]["symbol"] == DRAFT_SYMBOL
    assert "/unhrc/2025-03-25/A-HRC-58-L.12/eng@/!main" in conversion.xml


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
    with pytest.raises(un2akn.MissingIdentityError) as raised:
        un2akn.convert(UNDATED)
    error = raised.value
    assert (error.line, error.column, error.option) == (3, 1, "date")
    assert error.missing == "its date of adoption"
    assert error.message == (
        "the text does not state its date of adoption, and nothing is invented; "
        'give it with date="YYYY-MM-DD" (or a datetime.date)'
    )
    for date in ("2025-12-15", datetime.date(2025, 12, 15)):
        dated = un2akn.convert(UNDATED, date=date)
        assert dated.document["identity"]["adoptionDate"] == "2025-12-15"
        assert "/akn/un/statement/deliberation/unga/2025-12-15/80-999" in dated.xml
        assert dated.warnings == []
        assert un2akn.validate(dated.xml) == []


def test_a_printed_date_wins_over_the_given_one_with_a_warning():
    conversion = un2akn.convert(RESOLUTION, date="2022-05-01")
    assert conversion.document["identity"]["adoptionDate"] == "2022-04-01"
    assert [(w.line, w.column, w.message) for w in conversion.warnings] == [
        (26, 1, "the text is dated 2022-04-01 but --date/metadata says 2022-05-01; the text's date is kept")
    ]
    assert conversion.xml == un2akn.convert(RESOLUTION).xml


def test_lang_sets_the_expression_language():
    conversion = un2akn.convert(RESOLUTION, lang="fra")
    assert conversion.document["identity"]["language"] == "fra"
    assert '<FRBRlanguage language="fra"/>' in conversion.xml
    assert "/49-34/fra@" in conversion.xml and "/eng@" not in conversion.xml
    assert un2akn.validate(conversion.xml) == []
    assert un2akn.LANGUAGES == ["eng", "fra", "spa", "rus", "ara", "zho"]


@pytest.mark.parametrize(
    "names",
    [
        ("eng", "en", "English", "ENG", "english"),
        ("fra", "fr", "French", "FR"),
        ("spa", "es", "Spanish"),
        ("rus", "ru", "Russian"),
        ("ara", "ar", "Arabic"),
        ("zho", "zh", "Chinese"),
    ],
    ids=lambda names: names[0],
)
def test_lang_takes_iso_639_2_and_639_1_codes_and_english_names(names):
    # As the CLI's --lang: the document always carries the ISO 639-2 code.
    code = names[0]
    assert code in un2akn.LANGUAGES
    expected = un2akn.convert(RESOLUTION, lang=code)
    assert expected.document["identity"]["language"] == code
    for name in names[1:]:
        assert un2akn.convert(RESOLUTION, lang=name).xml == expected.xml, name


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"lang": "xx"}, ValueError),
        ({"lang": "en-GB"}, ValueError),
        ({"lang": "Klingon"}, ValueError),
        ({"lang": ""}, ValueError),
        ({"date": "1 April 2022"}, ValueError),
        ({"date": "2022-02-30"}, ValueError),
        ({"date": "-0001-04-01"}, ValueError),
        ({"date": 20220401}, TypeError),
        ({"symbol": ""}, ValueError),
        ({"symbol": " A/HRC/58/L.12"}, ValueError),
        ({"symbol": "A/HRC/58/L.12\nA/1"}, ValueError),
        ({"symbol": "A/HRC/\u202e58"}, ValueError),
        ({"input_format": "pdf"}, ValueError),
        ({"max_input_size": 0}, ValueError),
        ({"max_input_size": -1}, ValueError),
    ],
)
def test_bad_arguments_raise(kwargs, error):
    with pytest.raises(error) as raised:
        un2akn.convert(RESOLUTION, **kwargs)
    assert not isinstance(raised.value, un2akn.ConversionError)


def test_bad_arguments_say_what_is_wrong():
    with pytest.raises(ValueError, match=r'^unknown language code "xx"; expected one of eng, fra, spa, rus, ara, zho'):
        un2akn.convert(RESOLUTION, lang="xx")
    with pytest.raises(ValueError, match=r"^invalid symbol: the symbol is empty$"):
        un2akn.convert(DRAFT, symbol="")
    with pytest.raises(ValueError, match=r"^invalid date: the year -1 is outside 0001-9999$"):
        un2akn.convert(UNDATED, date="-0001-04-01")
    # Arguments are checked before the input is read.
    for kwargs in ({"lang": "xx"}, {"symbol": "A/1\n"}, {"date": "2022-13-01"}, {"input_format": "pdf"}):
        for data in (b"\x7fELF\x00", b"caf\xe9", ""):
            with pytest.raises(ValueError) as raised:
                un2akn.convert(data, **kwargs)
            assert not isinstance(raised.value, un2akn.ConversionError), kwargs


def test_strict_makes_any_warning_an_error():
    assert un2akn.convert(RESOLUTION, strict=True).xml == un2akn.convert(RESOLUTION).xml
    with pytest.raises(un2akn.StrictError) as raised:
        un2akn.convert(DRAFT, symbol=DRAFT_SYMBOL, date="2025-01-01", strict=True)
    error = raised.value
    assert error.line is None
    (warning,) = error.warnings
    assert (warning.line, warning.column) == (26, 1)
    assert error.message == f"1 warning(s) and strict=True makes any warning fail the input\n  {warning}"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is un2akn.StrictError and copy.warnings == error.warnings
    # Lossy's warnings count too.
    with pytest.raises(un2akn.StrictError):
        un2akn.convert(RESOLUTION.encode().replace(b"seized", b"seiz\xe9d"), lossy=True, strict=True)


def test_max_input_size_refuses_larger_input(tmp_path):
    size = len(RESOLUTION.encode())
    assert un2akn.convert(RESOLUTION, max_input_size=size).xml == un2akn.convert(RESOLUTION).xml
    for text in (RESOLUTION, RESOLUTION.encode()):
        with pytest.raises(un2akn.TooLargeError) as raised:
            un2akn.convert(text, max_input_size=size - 1)
        error = raised.value
        assert (error.size, error.limit, error.line) == (size, size - 1, None)
        assert error.message == (
            f"the input is larger than the limit of {size - 1} bytes; "
            "raise it with max_input_size= if this really is one document"
        )
    assert un2akn.DEFAULT_MAX_INPUT_SIZE == 64 << 20
    # A file is not read past the limit.
    path = tmp_path / "big.md"
    path.write_bytes(RESOLUTION.encode() * 3)
    with pytest.raises(un2akn.TooLargeError) as raised:
        un2akn.convert_file(path, max_input_size=100)
    assert (raised.value.size, raised.value.limit, raised.value.filename) == (101, 100, str(path))


def test_text_of_another_type_is_a_type_error():
    for value in (None, 42, bytearray(b"x"), ["text"]):
        with pytest.raises(TypeError):
            un2akn.convert(value)


def test_input_format_overrides_detection():
    assert un2akn.convert(TEXT).format == "text"
    assert un2akn.convert(TEXT, input_format="markdown").format == "markdown"
    assert un2akn.convert(RESOLUTION, input_format="md").format == "markdown"
    # Read as plain text, the markdown loses the headings that name its body
    # and date: they are asked for, not guessed.
    with pytest.raises(un2akn.MissingIdentityError):
        un2akn.convert(RESOLUTION, input_format="text")
    as_text = un2akn.convert(RESOLUTION, input_format="text", symbol="A/HRC/RES/49/34", date="2022-04-01")
    assert as_text.format == "text"


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
    draft = ROOT / "examples" / "A_HRC_58_L_draft_Mali.md"
    with pytest.raises(un2akn.MissingIdentityError) as raised:
        un2akn.convert_file(draft)
    assert str(raised.value).startswith(f"{draft}:26:1: the text does not state its document symbol")
    assert un2akn.convert_file(draft, symbol=DRAFT_SYMBOL).xml == un2akn.convert(DRAFT, symbol=DRAFT_SYMBOL).xml


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
