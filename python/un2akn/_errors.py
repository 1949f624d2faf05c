"""The exceptions un2akn raises for input it cannot convert.

Every one is a :class:`ConversionError`, itself a :class:`ValueError`, and
carries the position in the input it points at (``line`` and ``column``,
1-based, columns in characters; ``None`` where the error has no position).
"""

from __future__ import annotations

from typing import Any, List, Optional


class ConversionError(ValueError):
    """The input could not be converted.

    Attributes: ``message`` (the message without position), ``line`` and
    ``column`` (``None`` when the error has no position), ``filename`` (set by
    :func:`un2akn.convert_file`, else ``None``). ``str(error)`` is
    ``"[filename:]line:column: message"``, as the command line prints it.
    """

    message: str
    line: Optional[int]
    column: Optional[int]
    filename: Optional[str]

    def __init__(
        self,
        message: str,
        line: Optional[int] = None,
        column: Optional[int] = None,
        **extra: Any,
    ) -> None:
        super().__init__(message, line, column)
        self.message = message
        self.line = line
        self.column = column
        self.filename = None
        for name, value in extra.items():
            setattr(self, name, value)
        self._extra = extra

    def __str__(self) -> str:
        where = [] if self.filename is None else [str(self.filename)]
        if self.line is not None:
            where += [str(self.line), str(self.column)]
        return ":".join(where + [" " + self.message]) if where else self.message

    def __reduce__(self) -> Any:
        # Keeps the position and the extra attributes through pickling
        # (multiprocessing sends exceptions between processes).
        return (_rebuild, (type(self), self.message, self.line, self.column, self.filename, self._extra))


def _rebuild(cls: type, message: str, line: Any, column: Any, filename: Any, extra: dict) -> ConversionError:
    error = cls(message, line, column, **extra)
    error.filename = filename
    return error


class InvalidUtf8Error(ConversionError):
    """Bytes that are not UTF-8 (pass ``lossy=True`` to replace them).

    ``offset`` is the byte offset of the first bad byte.
    """

    offset: int


class ForbiddenCharacterError(ConversionError):
    """A character XML cannot carry. ``code_point`` is its code point."""

    code_point: int


class EmptyInputError(ConversionError):
    """The input has no text at all (empty, or only white space)."""


class NotADocumentError(ConversionError):
    """The input is not the text of a document at all (e.g. binary data).

    ``found`` says what was found instead.
    """

    found: str


class SchemaError(ConversionError):
    """The XML did not validate against the bundled Akoma Ntoso schema.

    On conversion this is a bug in un2akn (no invalid XML is ever returned);
    please report it. ``problems`` lists what the validator found
    (:class:`un2akn.Problem`, with lines and columns in the XML).
    """

    problems: List[Any] = []


class MissingIdentityError(ConversionError):
    """The text does not state a fact its identity needs, and nothing is
    invented: a draft that does not print its symbol, a resolution that
    prints no date of adoption.

    ``missing`` says what is missing (e.g. ``"its date of adoption"``);
    ``option`` is the keyword argument of :func:`un2akn.convert` that gives
    it: ``"symbol"`` or ``"date"``. ``line`` and ``column`` point at the
    document's title (or where the text starts). Convert again with, e.g.,
    ``symbol="A/HRC/58/L.12"`` or ``date="2025-04-04"``.
    """

    missing: str
    option: str


class TooLargeError(ConversionError):
    """The input is larger than ``max_input_size`` (default 64 MiB).

    ``size`` is its size in bytes (at least), ``limit`` the limit in bytes.
    Pass a larger ``max_input_size`` if this really is one document.
    """

    size: int
    limit: int


class StrictError(ConversionError):
    """``strict=True`` and the conversion warned: any warning fails the
    input. ``warnings`` lists them (:class:`un2akn.Diagnostic`, in input
    order); the message lists them too.
    """

    warnings: List[Any] = []
