"""Hostile inputs, built at test time: nothing here is a committed file.

Each function returns the bytes (or text) of one input that once made Onward hang, run out of memory
or print a traceback: YAML alias bombs and deep nesting, zip-bomb and paragraph-bomb Word files, PDFs
with thousands of pages, gzip bombs, search queries with many prefixes or parentheses, and case files
with control characters, NUL bytes, invalid UTF-8, overlong and wrongly typed fields.
``python -m tests.hostile.generate FOLDER`` writes them all to FOLDER, to try by hand.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zipfile
from pathlib import Path

from pypdf import PdfWriter

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def _docx(*, repeat: bytes, times: int) -> bytes:
    """A minimal Word package whose body is ``repeat`` written ``times`` times, streamed into the zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode())
            block = repeat * (1 << 16)
            written = 0
            while written < times:
                count = min(times - written, 1 << 16)
                part.write(block if count == 1 << 16 else repeat * count)
                written += count
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


def zip_bomb_docx(unpacked_bytes: int = 1_000_000_000) -> bytes:
    """A Word file of about a megabyte whose text part unpacks to ``unpacked_bytes`` (mostly spaces)."""
    return _docx(repeat=b" " * 1024, times=unpacked_bytes // 1024)


def paragraph_bomb_docx(paragraphs: int = 300_000) -> bytes:
    """A few tens of kilobytes holding hundreds of thousands of empty paragraphs."""
    return _docx(repeat=b"<w:p/>", times=paragraphs)


def many_pages_pdf(pages: int = 5_000) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def gzip_bomb_jsonl(unpacked_bytes: int = 3_000_000_000) -> bytes:
    """A JSON-lines corpus of a few megabytes that unpacks to gigabytes of one endless line.

    Gzip members may follow one another and read as one stream, so one compressed block of 16 MB
    is repeated instead of compressing gigabytes here.
    """
    block = gzip.compress(b"0" * (1 << 24), compresslevel=9, mtime=0)
    return gzip.compress(b'{"text": "', mtime=0) + block * max(1, unpacked_bytes >> 24)


def newline_bomb_jsonl(lines: int = 50_000_000) -> bytes:
    """Tens of millions of blank lines, compressed to tens of kilobytes."""
    return gzip.compress(b"\n" * lines, compresslevel=9, mtime=0)


def deep_json(levels: int = 100_000) -> bytes:
    return b'{"text": ' + b"[" * levels + b"]" * levels + b"}\n"


def alias_bomb_yaml(levels: int = 9) -> str:
    lines = ["onward: 1", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def deep_yaml(levels: int = 300) -> str:
    return "onward: 1\nperson: " + "[" * levels + "]" * levels + "\n"


def deep_block_yaml(levels: int = 300) -> str:
    return "onward: 1\nperson:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, levels)) + "  " * levels + "x: 1\n"


QUERIES = {
    "many prefixes": " ".join(["r*"] * 166),
    "many long prefixes": " ".join(["rus*"] * 100),
    "deep parentheses": "(" * 2000 + "torture" + ")" * 2000,
    "deep parentheses, short": "(" * 240 + "torture" + ")" * 240,
    "many alternatives": " OR ".join(f"w{i}x" for i in range(120)),
    "only exclusions": "NOT Russia",
    "control characters": "torture\x00\x07\x1b[31m",
}


def _case(body: str) -> str:
    return "onward: 1\nid: hostile\ntitle: Hostile input\n" + body


CASE_FILES: dict[str, bytes] = {
    "nul byte": _case("person:\n  name: A\x00B\n").encode(),
    "control character": _case("person:\n  name: A\x07B\n").encode(),
    "invalid utf-8": _case("person:\n  name: \xff\xfe\n").encode("latin-1"),
    "utf-16 with bom": _case("person:\n  name: A\n").encode("utf-16"),
    "overlong field": _case("person:\n  name: " + "A" * 200_000 + "\n").encode(),
    "wrong types": _case("person: [1, 2, 3]\nrequests: 7\n").encode(),
    "bad url": _case("sources:\n  - id: s\n    url: 'javascript:alert(1)'\n").encode(),
    "alias bomb": alias_bomb_yaml().encode(),
    "deep flow nesting": deep_yaml().encode(),
    "deep block nesting": deep_block_yaml().encode(),
    "not a mapping": b"- 1\n- 2\n",
    "huge integer": _case("person:\n  age: " + "9" * 5000 + "\n").encode(),
    "bad risk model": _case("risk_model:\n  direct:\n    base_logit: high\n  no_such_block: 1\n").encode(),
}


def documents() -> dict[str, bytes]:
    """Evidence files by name (the suffix picks the reader); each must be refused or read quickly."""
    return {
        "zip-bomb.docx": zip_bomb_docx(),
        "paragraph-bomb.docx": paragraph_bomb_docx(),
        "many-pages.pdf": many_pages_pdf(),
        "gzip-bomb.jsonl.gz": gzip_bomb_jsonl(),
        "newline-bomb.jsonl.gz": newline_bomb_jsonl(),
        "deep.jsonl": deep_json(),
        "not-a-zip.docx": b"PK\x03\x04 this is not a zip",
        "nul.txt": b"torture\x00" * 1000,
        "invalid-utf8.html": b"<p>\xff\xfe\xfa</p>" * 100,
    }


def main(argv: list[str]) -> None:
    folder = Path(argv[0] if argv else "hostile-inputs")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents().items():
        (folder / name).write_bytes(data)
    for name, data in CASE_FILES.items():
        (folder / f"case-{name.replace(' ', '-')}.yaml").write_bytes(data)
    (folder / "queries.json").write_text(json.dumps(QUERIES, indent=2), encoding="utf-8")
    print(f"wrote {len(list(folder.iterdir()))} hostile inputs to {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
