"""Bad input raises the documented ConversionError subclasses, carrying line
and column."""

from __future__ import annotations

import pickle

import pytest

import un2akn


def test_the_hierarchy():
    assert issubclass(un2akn.ConversionError, ValueError)
    for error in (
        un2akn.InvalidUtf8Error,
        un2akn.EmptyInputError,
        un2akn.NotADocumentError,
        un2akn.ForbiddenCharacterError,
        un2akn.SchemaError,
        un2akn.MissingIdentityError,
        un2akn.TooLargeError,
        un2akn.StrictError,
    ):
        assert issubclass(error, un2akn.ConversionError)
        assert error.__doc__ and error.__module__ == "un2akn._errors"
        assert error.__name__ in un2akn.__all__


def test_invalid_utf8_names_the_first_bad_byte():
    with pytest.raises(un2akn.InvalidUtf8Error) as raised:
        un2akn.convert(b"# General Assembly\n\n1. *Decides* caf\xe9 au lait;\n")
    error = raised.value
    assert (error.line, error.column, error.offset) == (3, 17, 36)
    assert error.message.startswith("invalid UTF-8 at byte 36")
    assert str(error) == f"3:17: {error.message}"


def test_utf16_is_invalid_utf8_not_binary():
    with pytest.raises(un2akn.InvalidUtf8Error) as raised:
        un2akn.convert("General Assembly".encode("utf-16"))
    assert (raised.value.line, raised.value.column, raised.value.offset) == (1, 1, 0)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", b"", b"\xef\xbb\xbf", "\ufeff \n"])
def test_empty_input(text):
    with pytest.raises(un2akn.EmptyInputError) as raised:
        un2akn.convert(text)
    assert raised.value.line is None and raised.value.column is None
    assert raised.value.message == "the input is empty; expected the text of a UN resolution"


@pytest.mark.parametrize(
    "data, line, column",
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", 1, 8),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<\x00>>", 4, 3),
        (bytes(range(256)), 1, 1),
    ],
)
def test_binary_data_is_not_a_document(data, line, column):
    with pytest.raises(un2akn.NotADocumentError) as raised:
        un2akn.convert(data)
    error = raised.value
    assert (error.line, error.column) == (line, column)
    assert "binary data (a NUL byte at byte" in error.found


def test_lone_surrogates_in_str_are_a_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        un2akn.convert("General Assembly \ud800")


def test_exceptions_survive_pickling():
    with pytest.raises(un2akn.InvalidUtf8Error) as raised:
        un2akn.convert(b"ok\n\xff")
    copy = pickle.loads(pickle.dumps(raised.value))
    assert type(copy) is un2akn.InvalidUtf8Error
    assert (copy.line, copy.column, copy.offset, copy.message) == (
        raised.value.line,
        raised.value.column,
        raised.value.offset,
        raised.value.message,
    )
    assert str(copy) == str(raised.value)


def test_missing_identity_survives_pickling():
    draft = "## Human Rights Council\n\n### 58/... Technical assistance\n\n*The Human Rights Council,*\n\n1. *Decides* to act.\n"
    with pytest.raises(un2akn.MissingIdentityError) as raised:
        un2akn.convert(draft)
    error = raised.value
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is un2akn.MissingIdentityError
    assert (copy.missing, copy.option, copy.line, copy.column, str(copy)) == (
        error.missing,
        error.option,
        error.line,
        error.column,
        str(error),
    )


def test_schema_error_carries_problems():
    error = un2akn.SchemaError("the XML does not validate", problems=["p"])
    assert error.problems == ["p"] and error.line is None
