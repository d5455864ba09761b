"""The organisation that signs a draft: who it is, who signs, to whom it writes and who receives copies.

A small YAML profile, e.g. Human Rights Watch writing to the French Prime Minister through its
France Director with copies to the Ministers of Foreign Affairs and of Justice. Each text may be
given once or per language (``{en: France Director, fr: directeur France}``). Mistakes are
reported like case-file mistakes: file, line, field, what was expected and what was found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from onward.drafting.i18n import Lang
from onward.errors import CaseFileError, InputError, Problem
from onward.model.base import NonEmpty, Record
from onward.yamldoc.nodes import YamlSyntaxError, parse_yaml
from onward.yamldoc.problems import problems_from

LocalText = NonEmpty | dict[Literal["en", "fr"], NonEmpty]
"""A text in one form for every language, or one per language."""

MAX_PROFILE_BYTES = 200_000


def local(text: LocalText | None, lang: Lang) -> str:
    """The text in ``lang``; a text given in one language only is used as is (a name is a name)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or next(iter(text.values()))


class Person(Record):
    """A signatory or a copy recipient: a name and a title."""

    name: NonEmpty
    title: LocalText | None = None


class Recipient(Record):
    """The decision-maker written to, and how the letter addresses them."""

    title: LocalText
    name: NonEmpty | None = None
    salutation: LocalText = Field(description='the opening line, e.g. "Dear Prime Minister"')
    address_as: LocalText = Field(description='how the text addresses them, e.g. "Mr. Prime Minister"')
    address: list[NonEmpty] = Field(default_factory=list, description="postal address lines")


class Organisation(Record):
    """Who writes: the organisation's name and description, the place of writing, signatory, recipient, copies."""

    name: NonEmpty
    description: LocalText = Field(description="what the organisation is and does, in a sentence or two")
    place: LocalText | None = Field(default=None, description='where the letter is written, e.g. "Paris"')
    signatory: Person
    recipient: Recipient
    copies: list[Person] = Field(default_factory=list)


def read_organisation(path: Path) -> Organisation:
    """The profile in ``path``; raises ``CaseFileError`` listing every located problem."""
    if not path.is_file():
        raise InputError(f"{path}: no such organisation profile", hint="pass --org FILE with a YAML profile")
    if path.stat().st_size > MAX_PROFILE_BYTES:
        raise InputError(f"{path}: too large for an organisation profile (limit {MAX_PROFILE_BYTES} bytes)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    return parse_organisation(text, str(path))


def parse_organisation(text: str, file: str = "<organisation>") -> Organisation:
    try:
        root = parse_yaml(text, "organisation files")
    except YamlSyntaxError as exc:
        raise CaseFileError(file, [Problem(file, exc.line, exc.column, "", f"not valid YAML: {exc}")]) from exc
    if not isinstance(root, dict):
        found = "an empty file" if root is None else type(root).__name__
        problem = Problem(file, 1, 1, "", "an organisation profile is a YAML mapping", "key: value lines", found)
        raise CaseFileError(file, [problem])
    try:
        return Organisation.model_validate(root)
    except ValidationError as exc:
        raise CaseFileError(file, problems_from(Organisation, file, root, exc)) from exc


def default_organisation() -> Organisation:
    """A neutral profile with visible placeholders, used when no ``--org`` is given."""
    return Organisation(
        name="[organisation]",
        description={"en": "[what the organisation is and does]", "fr": "[présentation de l'organisation]"},
        signatory=Person(name="[signatory]", title={"en": "[title]", "fr": "[fonction]"}),
        recipient=Recipient(
            title={"en": "[recipient]", "fr": "[destinataire]"},
            salutation={"en": "Dear [recipient]", "fr": "[Madame, Monsieur]"},
            address_as={"en": "[recipient]", "fr": "[Madame, Monsieur]"},
        ),
    )
