"""Type stubs of the compiled module (python/src/*.rs)."""

import datetime
from typing import Any, Dict, List, Literal, Optional, Union

LANGUAGES: List[str]
"""The ISO 639-2 codes of the UN's six official languages: ``["eng", "fra",
"spa", "rus", "ara", "zho"]``. ``lang`` takes these, their ISO 639-1 codes
(``"fr"``) and their English names (``"French"``), in any case."""

DEFAULT_MAX_INPUT_SIZE: int
"""The default ``max_input_size``: 64 MiB."""

__version__: str

class Diagnostic:
    """A warning: text kept without certainty of its place, or a missing fact."""

    def __init__(self, line: int, column: int, message: str) -> None: ...
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
    strict: bool = False,
    max_input_size: Optional[int] = None,
) -> Conversion:
    """Converts the text of a UN resolution into Akoma Ntoso XML.

    ``text``: ``str``, or ``bytes`` that must be UTF-8. ``symbol``: the document
    symbol, for texts that do not print it (drafts). ``date``: the date of
    adoption (drafts: of issuance), for texts that do not print it; a printed
    date wins, with a warning if they differ. ``lang``: the expression's
    language, a code of :data:`LANGUAGES`, an ISO 639-1 code (``"fr"``) or an
    English name (``"French"``); default: detected from the text.
    ``validate``: check the XML against the bundled schema. ``input_format``:
    default detected. ``lossy``: replace invalid UTF-8 with U+FFFD and a
    warning. ``strict``: any warning raises :class:`StrictError`.
    ``max_input_size``: the largest input in bytes (default
    :data:`DEFAULT_MAX_INPUT_SIZE`); a larger one raises :class:`TooLargeError`.

    Raises :class:`ConversionError` subclasses for bad input (among them
    :class:`MissingIdentityError` when neither the text nor ``symbol``/``date``
    give the document's symbol or date: nothing is invented), ``ValueError``
    for a bad argument (an unknown language, an unusable symbol or date),
    ``TypeError`` for a ``text`` of another type. The GIL is released while
    converting.
    """

def validate(xml: Union[str, bytes]) -> List[Problem]:
    """Validates XML against the bundled Akoma Ntoso 3.0 schema; returns the
    problems found (empty: valid). The GIL is released while validating."""
