"""un2akn: United Nations resolutions to Akoma Ntoso 3.0 XML, in process.

>>> import un2akn
>>> conversion = un2akn.convert(text)            # doctest: +SKIP
>>> conversion.xml, conversion.document, conversion.warnings  # doctest: +SKIP

:func:`convert` takes the text (``str``, or UTF-8 ``bytes``) of a resolution
as markdown made from the official PDF or as text extracted from it, and
returns a :class:`Conversion`: the XML (always valid against the bundled
schema), the document model, the warnings and the removed page furniture.
Bad input raises a :class:`ConversionError` subclass carrying line and
column; a text that does not print its symbol or date (a draft, an undated
resolution) raises :class:`MissingIdentityError` unless ``symbol=`` or
``date=`` gives it, for nothing is invented. The work runs in Rust with the
GIL released, so threads convert in parallel.
"""

from __future__ import annotations

import os
from typing import Optional, Union

from ._errors import (
    ConversionError,
    EmptyInputError,
    ForbiddenCharacterError,
    InvalidUtf8Error,
    MissingIdentityError,
    NotADocumentError,
    SchemaError,
    StrictError,
    TooLargeError,
)
from ._un2akn import (
    DEFAULT_MAX_INPUT_SIZE,
    LANGUAGES,
    Conversion,
    Diagnostic,
    Furniture,
    Problem,
    __version__,
    convert,
    validate,
)

__all__ = [
    "DEFAULT_MAX_INPUT_SIZE",
    "LANGUAGES",
    "Conversion",
    "ConversionError",
    "Diagnostic",
    "EmptyInputError",
    "ForbiddenCharacterError",
    "Furniture",
    "InvalidUtf8Error",
    "MissingIdentityError",
    "NotADocumentError",
    "Problem",
    "SchemaError",
    "StrictError",
    "TooLargeError",
    "__version__",
    "convert",
    "convert_file",
    "validate",
]


def convert_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    symbol: Optional[str] = None,
    date: Optional[object] = None,
    lang: Optional[str] = None,
    validate: bool = True,
    input_format: Optional[str] = None,
    lossy: bool = False,
    strict: bool = False,
    max_input_size: Optional[int] = None,
) -> Conversion:
    """Converts the file at ``path`` (read as bytes; it must be UTF-8 unless
    ``lossy``), with the keyword arguments of :func:`convert`.

    Raises ``OSError`` if the file cannot be read, and the exceptions of
    :func:`convert` with their ``filename`` set to ``path``. A file larger
    than ``max_input_size`` is not read past the limit.
    """
    limit = DEFAULT_MAX_INPUT_SIZE if max_input_size is None else max_input_size
    with open(path, "rb") as file:
        # One byte past the limit is enough for convert() to refuse it.
        data = file.read(limit + 1) if isinstance(limit, int) and limit > 0 else file.read()
    try:
        return convert(
            data,
            symbol=symbol,
            date=date,
            lang=lang,
            validate=validate,
            input_format=input_format,
            lossy=lossy,
            strict=strict,
            max_input_size=max_input_size,
        )
    except ConversionError as error:
        error.filename = os.fspath(path)
        raise
