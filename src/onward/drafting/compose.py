"""Turn a Jinja2 template (data, one per document type and language) into a document tree.

Templates write prose; a factual sentence is wrapped in ``{% call fact(claim) %}…{% endcall %}``
and a legal proposition in ``{% call law(claim) %}…{% endcall %}``. When the claim has support,
the sentence is kept with its citations; when it has none, the wording is never evaluated and a
visible gap takes its place. Lines starting with ``#`` are headings, ``- `` and ``1. `` list
items, ``::style`` gives a paragraph a named style, ``::figure NAME`` places a figure; blank
lines separate paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, Literal

import jinja2

from onward.drafting import i18n
from onward.drafting.claims import Claim, ClaimKind, gap_text
from onward.drafting.conflicts import disputed, publisher_name
from onward.drafting.document import Block, Figure, Heading, ListBlock, Paragraph, Sentence
from onward.errors import InputError
from onward.model.dates import EventDate, PartialDate

_PLACEHOLDER = re.compile(r"⟦(\d+)⟧")
_SPACE = re.compile(r"\s+")
_ORDERED = re.compile(r"^\d+\.\s+")


class _Sentences:
    """Sentences registered while the template renders, referred to by placeholders in its output."""

    def __init__(self, lang: i18n.Lang) -> None:
        self.lang = lang
        self.items: list[Sentence] = []

    def add(self, sentence: Sentence) -> str:
        self.items.append(sentence)
        return f"⟦{len(self.items) - 1}⟧"

    def cited(self, kind: ClaimKind) -> Callable[..., str]:
        def call(claim: Claim, caller: Callable[[], str]) -> str:
            if not isinstance(claim, Claim):
                raise TypeError(f"{kind.value}() expects a Claim, not {type(claim).__name__}")
            if not claim.supported:
                return self.add(Sentence(gap_text(claim.need, self.lang), kind, (), gap=True, key=claim.key)) + "\n"
            text = _SPACE.sub(" ", caller()).strip()
            # The newline stands in for the one trim_blocks removes after {% endcall %}: a blank line
            # after a cited sentence must still end its paragraph.
            return self.add(Sentence(text, kind, claim.supports, key=claim.key)) + "\n"

        return call


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("onward.drafting", "templates"),
        autoescape=False,  # the output is Onward's block markup; each renderer escapes for its format
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _filters(lang: i18n.Lang) -> dict[str, Callable[..., Any]]:
    def date(value: PartialDate | EventDate | None, preposition: bool = False) -> str:
        if value is None:
            return ""
        text = i18n.format_event(value, lang) if isinstance(value, EventDate) else i18n.format_partial(value, lang)
        return i18n.with_preposition(text, value.precision, lang) if preposition else text

    def states(codes: list[str], form: i18n.StateForm = "the", conj: str = "and") -> str:
        conjunction: Literal["and", "or"] = "or" if conj == "or" else "and"
        if (form in ("to", "in") and lang == "en") or form == "to":
            # "to Russia or Ukraine", « vers la Russie ou l'Ukraine »: the preposition once.
            head = {"to": "to " if lang == "en" else "vers ", "in": "in "}[form]
            return head + i18n.join_words([i18n.state(c, lang, "the") for c in codes], lang, conjunction)
        return i18n.join_words([i18n.state(c, lang, form) for c in codes], lang, conjunction)

    return {
        "state": lambda code, form="the": i18n.state(code, lang, form),
        "states": states,
        "plural_profile": lambda code: i18n.plural_profile(str(code), lang),
        "body": lambda body: i18n.body_with_article(str(body), lang),
        "date": date,
        "term": lambda key: i18n.term(key, lang),
        "words": lambda items, conj="and": i18n.join_words(list(items), lang, conj),
        "number": lambda value: i18n.spell_number(int(value), lang),
        "cap": i18n.capitalise,
        "disputed": lambda variants: disputed(variants, lang),
        "publisher": lambda name: publisher_name(str(name), lang),
        "with_supports": lambda claim, supports: replace(claim, supports=tuple(supports)),
    }


def compose(
    template_name: str,
    lang: i18n.Lang,
    context: Mapping[str, Any],
    figures: Mapping[str, Figure] | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> list[Block]:
    """Render ``template_name`` with ``context`` and parse its output into blocks."""
    env = environment()
    env.filters.update(_filters(lang))
    env.filters.update(filters or {})
    sentences = _Sentences(lang)
    env.globals["fact"] = sentences.cited(ClaimKind.FACT)
    env.globals["law"] = sentences.cited(ClaimKind.LAW)
    try:
        text = env.get_template(template_name).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise InputError(f"no drafting template {template_name!r}") from exc
    return _parse(text, sentences.items, figures or {})


def _paragraph(text: str, registered: list[Sentence], style: str = "body") -> Paragraph:
    out: list[Sentence] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        _plain(text[position : match.start()], out)
        out.append(registered[int(match.group(1))])
        position = match.end()
    _plain(text[position:], out)
    # Sentences are separated by one space; spaces at the edges of a paragraph are layout, not prose.
    spaced: list[Sentence] = []
    for sentence in out:
        if sentence.kind is ClaimKind.FORMAL and not sentence.text.strip():
            continue
        if (
            spaced
            and not spaced[-1].text.endswith((" ", "(", "“", "« "))
            and not sentence.text.startswith((" ", ",", ".", ";", ":", ")", "”", " »"))
        ):
            spaced.append(Sentence(" ", ClaimKind.FORMAL))
        spaced.append(sentence)
    if spaced and not spaced[0].cited and not spaced[0].gap:
        spaced[0] = Sentence(spaced[0].text.lstrip(), spaced[0].kind)
    if spaced and not spaced[-1].cited and not spaced[-1].gap:
        spaced[-1] = Sentence(spaced[-1].text.rstrip(), spaced[-1].kind)
    return Paragraph(tuple(s for s in spaced if s.text), style)


def _plain(text: str, out: list[Sentence]) -> None:
    collapsed = _SPACE.sub(" ", text)
    if collapsed.strip():
        out.append(Sentence(collapsed, ClaimKind.ARGUMENT))


def _parse(text: str, registered: list[Sentence], figures: Mapping[str, Figure]) -> list[Block]:
    blocks: list[Block] = []
    # A heading or a styled line always starts a block, even where a template tag ate the blank line.
    text = re.sub(r"\n(?=#|::)", "\n\n", text)
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            blocks.append(Heading(first.lstrip("#").strip(), level))
            if len(lines) > 1:
                blocks.append(_paragraph(" ".join(lines[1:]), registered))
        elif first.startswith("- ") or _ORDERED.match(first):
            ordered = not first.startswith("- ")
            items = _list_items(lines, ordered)
            blocks.append(ListBlock(tuple(_paragraph(i, registered) for i in items), ordered))
        elif first.startswith("::figure"):
            name = first.removeprefix("::figure").strip()
            figure = figures.get(name)
            if figure is not None:
                caption = _paragraph(" ".join(lines[1:]), registered, "caption")
                blocks.append(Figure(figure.svg, caption, figure.png, name))
        elif first.startswith("::"):
            for line in lines:
                style, _, rest = line.removeprefix("::").partition(" ")
                blocks.append(_paragraph(rest, registered, style or "body"))
        else:
            blocks.append(_paragraph(" ".join(lines), registered))
    return blocks


def _list_items(lines: list[str], ordered: bool) -> list[str]:
    items: list[str] = []
    for line in lines:
        stripped = line.strip()
        starts = _ORDERED.match(stripped) if ordered else stripped.startswith("- ")
        if starts:
            items.append(_ORDERED.sub("", stripped) if ordered else stripped[2:])
        elif items:
            items[-1] += " " + stripped
    return items
