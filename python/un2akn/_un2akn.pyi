"""Type stubs of the compiled module (python/src/*.rs)."""

import datetime
from typing import Any, Dict, List, Literal, Optional, Union

LANGUAGES: List[str]
"""The language codes ``lang`` accepts (ISO 639-2, the UN's six official languages)."""

__version__: str

class Diagnostic:
    """A warning: text kept without certainty of its place, or a missing fact."""

    @property
    def line(self) -> int:
        """Line in the input, from 1."""
    @property
    def column(self) -> int:
        """Column in the input, in characters, from 1."""
    @property
    def message(self) -> str:
        """What happened (lowercase, no trailing period)."""

class Furniture:
    """A piece of page furniture removed from the text."""

    @property
    def kind(self) -> str:
        """What it was: ``"pageBreak"``, ``"forbiddenCharacter"``, ``"frontMatter"``,
        ``"jobNumber"``, ``"barcode"``, ``"pageCounter"``, ``"runningHeader"``,
        ``"runningTitle"`` or ``"footnoteRule"``."""
    @property
    def line(self) -> int:
        """Line in the input, from 1."""
    @property
    def column(self) -> int:
        """Column in the input, in characters, from 1."""
    @property
    def text(self) -> str:
        """The removed text."""

class Problem:
    """One problem a schema validation found."""

    @property
    def kind(self) -> Literal["malformed", "invalid"]:
        """``"malformed"``: not well-formed XML; ``"invalid"``: against the schema."""
    @property
    def line(self) -> Optional[int]:
        """Line in the XML, from 1, when known."""
    @property
    def column(self) -> Optional[int]:
        """Column in the XML, in characters, from 1, when known."""
    @property
    def message(self) -> str:
        """The validator's message."""

class Conversion:
    """The result of :func:`convert`."""

    @property
    def xml(self) -> str:
        """The Akoma Ntoso 3.0 XML, valid against the bundled schema."""
    @property
    def document(self) -> Dict[str, Any]:
        """The document model as plain Python objects, the shape of
        ``un2akn convert --format json`` (built on first access, then cached)."""
    @property
    def warnings(self) -> List[Diagnostic]:
        """The warnings, in input order."""
    @property
    def furniture(self) -> List[Furniture]:
        """The page furniture removed from the text, in input order."""
    @property
    def format(self) -> Literal["markdown", "text"]:
        """The input format the text was read as."""

def convert(
    text: Union[str, bytes],
    *,
    symbol: Optional[str] = None,
    date: Union[datetime.date, str, None] = None,
    lang: Optional[str] = None,
    validate: bool = True,
    input_format: Optional[Literal["markdown", "md", "text"]] = None,
    lossy: bool = False,
) -> Conversion:
    """Converts the text of a UN resolution into Akoma Ntoso XML.

    ``text``: ``str``, or ``bytes`` that must be UTF-8. ``symbol``: the document
    symbol, for drafts that do not print it. ``date``: the date of adoption, for
    texts that do not print it. ``lang``: the expression's language, one of
    :data:`LANGUAGES` (default: the masthead's, else ``"eng"``). ``validate``:
    check the XML against the bundled schema. ``input_format``: default
    detected. ``lossy``: replace invalid UTF-8 with U+FFFD and a warning.

    Raises :class:`ConversionError` subclasses for bad input, ``ValueError``
    for a bad argument, ``TypeError`` for a ``text`` of another type. The GIL
    is released while converting.
    """

def validate(xml: Union[str, bytes]) -> List[Problem]:
    """Validates XML against the bundled Akoma Ntoso 3.0 schema; returns the
    problems found (empty: valid). The GIL is released while validating."""
