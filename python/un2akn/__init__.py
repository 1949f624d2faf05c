"""un2akn: United Nations resolutions to Akoma Ntoso 3.0 XML, in process.

>>> import un2akn
>>> conversion = un2akn.convert(text)            # doctest: +SKIP
>>> conversion.xml, conversion.document, conversion.warnings  # doctest: +SKIP

:func:`convert` takes the text (``str``, or UTF-8 ``bytes``) of a resolution
as markdown made from the official PDF or as text extracted from it, and
returns a :class:`Conversion`: the XML (always valid against the bundled
schema), the document model, the warnings and the removed page furniture.
Bad input raises a :class:`ConversionError` subclass carrying line and
column. The work runs in Rust with the GIL released, so threads convert in
parallel.
"""

from __future__ import annotations

import os
from typing import Optional, Union

from ._errors import (
    ConversionError,
    EmptyInputError,
    ForbiddenCharacterError,
    InvalidUtf8Error,
    NotADocumentError,
    SchemaError,
)
from ._un2akn import (
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
    "LANGUAGES",
    "Conversion",
    "ConversionError",
    "Diagnostic",
    "EmptyInputError",
    "ForbiddenCharacterError",
    "Furniture",
    "InvalidUtf8Error",
    "NotADocumentError",
    "Problem",
    "SchemaError",
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
) -> Conversion:
    """Converts the file at ``path`` (read as bytes; it must be UTF-8 unless
    ``lossy``), with the keyword arguments of :func:`convert`.

    Raises ``OSError`` if the file cannot be read, and the exceptions of
    :func:`convert` with their ``filename`` set to ``path``.
    """
    with open(path, "rb") as file:
        data = file.read()
    try:
        return convert(
            data,
            symbol=symbol,
            date=date,
            lang=lang,
            validate=validate,
            input_format=input_format,
            lossy=lossy,
        )
    except ConversionError as error:
        error.filename = os.fspath(path)
        raise
