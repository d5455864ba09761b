"""Limits on what may be uploaded: case files only (YAML, UTF-8), and not more than a set size.

A server that accepts anything accepts malware and memory exhaustion; a case file is text of a few
kilobytes, so the default limit (2 MB, ``ONWARD_MAX_UPLOAD_BYTES``) is generous.
"""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onward.errors import InputError

CASE_FILE_SUFFIXES = (".yaml", ".yml")
CASE_FILE_TYPES = frozenset(
    {"application/x-yaml", "application/yaml", "text/yaml", "text/x-yaml", "text/plain", "application/octet-stream"}
)
# Form fields and multipart boundaries around the file itself.
_FORM_OVERHEAD = 64_000


class UploadTooLargeError(InputError):
    """The request or file is larger than the configured limit: 413."""


class UnsupportedUploadError(InputError):
    """The file is not a case file (wrong extension, media type or encoding): 415."""


def check_size(size: int, limit: int, what: str = "the upload") -> None:
    if size > limit:
        raise UploadTooLargeError(f"{what}: {size} bytes is larger than the limit of {limit} bytes")


async def read_case_upload(upload: UploadFile, limit: int) -> tuple[str, str]:
    """The name and text of an uploaded case file, after checking its extension, type, size and encoding."""
    name = upload.filename or "upload"
    if not name.lower().endswith(CASE_FILE_SUFFIXES):
        raise UnsupportedUploadError(f"{name}: expected a case file ending in .yaml or .yml")
    media = (upload.content_type or "application/octet-stream").split(";")[0].strip().lower()
    if media not in CASE_FILE_TYPES:
        raise UnsupportedUploadError(f"{name}: expected a YAML text file, found media type {media!r}")
    data = await upload.read(limit + 1)
    check_size(len(data), limit, name)
    try:
        return name, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedUploadError(
            f"{name}: not UTF-8 text (byte {exc.start})", hint="save the file as UTF-8"
        ) from exc


class BodySizeLimit:
    """ASGI middleware refusing, before reading it, any request body declared larger than the limit."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit + _FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _too_large(send)
                return
        received = 0
        refused = False

        async def counted() -> Message:
            # A body sent without Content-Length (chunked) is counted as it arrives; past the limit the
            # client gets 413 at once and the application sees a disconnect, whose answer is dropped.
            nonlocal received, refused
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit and not refused:
                refused = True
                await _too_large(send)
                return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, counted, guarded)


async def _too_large(send: Send) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": b"request body too large"})
