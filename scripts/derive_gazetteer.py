"""Derive ``src/onward/gazetteer/data/states.json``: how texts name each state, in English, French and Russian.

Sources, merged in this order (the first to claim a name keeps it):

1. pycountry's ISO 3166-1 table (names, official and common names; LGPL-2.1, data from Debian iso-codes);
2. Babel's CLDR territory names in English, French and Russian (Unicode licence);
3. mledoze/countries ``countries.json`` (ODbL-1.0): common and official names, alternative spellings, French and
   Russian translations, English and French demonyms, capitals.

Usage: ``python scripts/derive_gazetteer.py [PATH/TO/countries.json]`` (default ``../shared/data/countries/
countries.json``). The curated short forms, adjectival forms, cities and ethnic groups live beside the output in
``aliases.tsv`` and ``groups.tsv`` and are maintained by hand.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "onward" / "gazetteer" / "data" / "states.json"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "countries" / "countries.json"

ATTRIBUTION = (
    "Derived by scripts/derive_gazetteer.py from pycountry (ISO 3166-1, LGPL-2.1), Babel/CLDR territory names "
    "(Unicode License) and mledoze/countries countries.json commit 5e9f370 (https://github.com/mledoze/countries), "
    "made available under the Open Database License (ODbL-1.0): https://opendatacommons.org/licenses/odbl/1-0/. "
    "This derived database is likewise available under the ODbL-1.0."
)

# Capitals that are also ordinary words or names of other places, so a mention would mislead more than help.
AMBIGUOUS_CAPITALS = {"Victoria", "Hamilton", "Kingston", "Saint John's", "Male", "Georgetown", "Santiago"}
# Names that are common English words or people's names, kept out of the automatic list.
AMBIGUOUS_NAMES = {"Jersey", "Man", "Reunion", "Guernsey", "Christmas", "Congo", "Korea", "Virgin Islands"}


def _latin(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-zÀ-ÿĀ-ž .,'’()\-]+", text))


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "sh", "ss", "s", "x", "z")):
        return None
    return demonym + "s"


def derive(source: Path) -> dict[str, object]:
    countries = json.loads(source.read_text(encoding="utf-8"))
    by_code = {entry["cca2"]: entry for entry in countries}
    locales = {lang: Locale(lang) for lang in ("en", "fr", "ru")}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | set(by_code))
    states: list[dict[str, object]] = []
    for code in codes:
        iso = pycountry.countries.get(alpha_2=code)
        entry = by_code.get(code, {})
        names: list[str] = []
        if iso is not None:
            names += [getattr(iso, "common_name", None) or iso.name, iso.name, getattr(iso, "official_name", "")]
        names.append(locales["en"].territories.get(code, ""))
        if entry:
            names += [entry["name"]["common"], entry["name"]["official"]]
            names += [s for s in entry.get("altSpellings", []) if len(s) >= 4 and _latin(s) and not s.isupper()]
        french = [locales["fr"].territories.get(code, "")]
        russian = [locales["ru"].territories.get(code, "")]
        demonyms: list[str] = []
        capitals: list[str] = []
        if entry:
            translations = entry.get("translations", {})
            french += [translations.get("fra", {}).get(k, "") for k in ("common", "official")]
            russian += [translations.get("rus", {}).get(k, "") for k in ("common", "official")]
            for lang in ("eng", "fra"):
                for form in entry.get("demonyms", {}).get(lang, {}).values():
                    if len(form.strip()) < 3:
                        continue  # some territories have no demonym (an empty string upstream)
                    demonyms.append(form)
                    plural = _plural(form) if lang == "eng" else None
                    if plural:
                        demonyms.append(plural)
            capitals = [c for c in entry.get("capital", []) if c not in AMBIGUOUS_CAPITALS]
        states.append(
            {
                "code": code,
                "independent": bool(entry.get("independent", iso is not None)),
                "names": _unique(n for n in names if n and n not in AMBIGUOUS_NAMES),
                "fr": _unique(n for n in french if n),
                "ru": _unique(n for n in russian if n),
                "demonyms": _unique(d for d in demonyms if d),
                "capitals": _unique(capitals),
            }
        )
    return {"attribution": ATTRIBUTION, "licence": "ODbL-1.0", "states": states}


def _unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        text = item.strip()
        if text and text not in seen:
            seen.append(text)
    return seen


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    data = derive(source)
    states = data["states"]
    assert isinstance(states, list)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(states)} states)")


if __name__ == "__main__":
    main()
