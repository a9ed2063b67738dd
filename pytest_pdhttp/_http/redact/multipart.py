"""Redact a multipart body part by part, keeping the boundary, the part headers and every byte of
the parts that hold nothing secret.

A field is judged by its name (``token``, ``client_secret``... become ``REDACTED``) and its text;
a file part (one with a ``filename``) is left as it was, except for the test's own secret values
where it is text: an upload's contents are data, not credentials, and are replayed as recorded.
"""

from __future__ import annotations

from email.message import Message
from email.utils import collapse_rfc2231_value

from .names import is_credential_parameter
from .text import redact_text
from .values import REDACTED, SecretValues


def boundary_of(content_type: str) -> bytes | None:
    message = Message()
    message["Content-Type"] = content_type
    boundary = message.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        return None
    return boundary.encode("latin-1", "replace")


def redact_multipart(body: bytes, content_type: str, secrets: SecretValues) -> bytes | None:
    """The redacted body, or None when it is not a multipart body this can read."""
    boundary = boundary_of(content_type)
    if boundary is None:
        return None
    delimiter = b"--" + boundary
    pieces = body.split(delimiter)
    if len(pieces) < 3:
        return None
    out = [pieces[0]]
    for piece in pieces[1:]:
        out.append(_part(piece, secrets))
    return delimiter.join(out)


def _part(piece: bytes, secrets: SecretValues) -> bytes:
    """One piece between delimiters: ``\\r\\n headers \\r\\n\\r\\n content \\r\\n`` (or the
    closing ``--``)."""
    head_end = piece.find(b"\r\n\r\n")
    if head_end == -1 or piece.startswith(b"--"):
        return piece
    headers, rest = piece[: head_end + 4], piece[head_end + 4 :]
    content, tail = (rest[:-2], rest[-2:]) if rest.endswith(b"\r\n") else (rest, b"")
    name, filename, charset = _disposition(headers)
    if filename is not None:
        redacted = _file(content, charset, secrets)
    elif name is not None and is_credential_parameter(name) and content:
        redacted = REDACTED.encode()
    else:
        redacted = _field(content, charset, secrets)
    return headers + redacted + tail


def _disposition(headers: bytes) -> tuple[str | None, str | None, str]:
    message = Message()
    text = headers.decode("utf-8", "replace")
    for line in text.split("\r\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() in ("content-disposition", "content-type"):
            message[key.strip()] = value.strip()
    name = message.get_param("name", header="Content-Disposition")
    filename = message.get_filename()
    charset = message.get_content_charset() or "utf-8"
    shown = collapse_rfc2231_value(name) if name is not None else None
    return (shown if isinstance(shown, str) else None), filename, charset


def _field(content: bytes, charset: str, secrets: SecretValues) -> bytes:
    try:
        text = content.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return secrets.data(content)
    redacted = REDACTED if secrets.is_whole(text) else redact_text(text, secrets)
    return content if redacted == text else redacted.encode(charset, "replace")


def _file(content: bytes, charset: str, secrets: SecretValues) -> bytes:
    if not secrets:
        return content
    try:
        text = content.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return content  # binary uploads are replayed exactly as sent
    redacted = secrets.text(text)
    return content if redacted == text else redacted.encode(charset)

