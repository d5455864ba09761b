"""How long drafting the example case takes, per document type, language and format: prints figures only.

    .venv/bin/python benchmarks/drafting.py [DATABASE_URL]

Loads the shipped curated knowledge base (``data/curated``) into a temporary SQLite store (or the
given one), then drafts the open letter, the brief and the report for ``examples/ablyazov`` in
English and French and renders each as Markdown, HTML, DOCX and PDF. The brief and the report run
the risk engine first; its time is printed separately.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from onward.casefile.io import load_case
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.organisation import read_organisation
from onward.drafting.outputs import FORMATS, render
from onward.kb.curated import load_curated
from onward.kb.view import KnowledgeView
from onward.risk.assess import assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import load_params
from onward.store import open_store
from onward.store.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{folder}/bench.sqlite3"
        store = open_store(url)
        upgrade(store)
        started = time.perf_counter()
        load_curated(store, ROOT / "data" / "curated", "benchmark")
        print(f"load curated KB: {time.perf_counter() - started:.2f} s")
        case = load_case(ROOT / "examples" / "ablyazov" / "case.yaml")
        org = read_organisation(ROOT / "examples" / "ablyazov" / "org.yaml")
        view = KnowledgeView(store, as_of=case.as_of.latest())
        params = load_params(None)
        started = time.perf_counter()
        assessment = assess(case, inputs_from_view(view, params), params, as_of=view.as_of)
        print(f"risk assessment: {time.perf_counter() - started:.2f} s")
        print(f"{'type':12} {'lang':4} {'compose':>8} " + " ".join(f"{f:>8}" for f in FORMATS))
        for kind in DocumentKind:
            for lang in ("en", "fr"):
                started = time.perf_counter()
                document = draft(kind, case, lang=lang, org=org, view=view, assessment=assessment)
                compose = time.perf_counter() - started
                times = []
                for fmt in FORMATS:
                    started = time.perf_counter()
                    render(document, fmt)
                    times.append(time.perf_counter() - started)
                cells = " ".join(f"{t:8.3f}" for t in times)
                cited = len(document.supports())
                print(f"{kind.value:12} {lang:4} {compose:8.3f} {cells}   (seconds; {cited} supports)")
        store.close()


if __name__ == "__main__":
    main()
