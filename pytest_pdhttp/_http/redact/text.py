"""Redaction of URLs and of free text, keeping every byte that is not a secret.

In a URL: the password of the userinfo (or a userinfo that is a bare key), credential query and
fragment parameters (``token``, ``code``, ``X-Amz-Signature``...), path segments in a known token
format, a webhook's secret path, and the test's secret values in any percent-encoded spelling.

In text (a text body, a JSON string, a form field, a header value): every URL as above,
``name: "value"`` / ``name=value`` pairs, ``Name: value`` header lines and XML elements
(``<Password>...</Password>``) whose name is a credential (a token inlined in a GraphQL query, a
password in a config dump, a SOAP login), ``Bearer <token>``,
tokens in a known format (``ghp_...``, ``xoxb-...``, JWTs, AWS keys...), and the secret values.
"""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus, unquote, unquote_plus

from pdlint.secrets import KNOWN_TOKEN_FORMATS, ORDINARY_WORD, has_known_token

from .names import is_credential_field, is_credential_header, is_credential_parameter
from .values import REDACTED, SecretValues

_URL_IN_TEXT = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://[^\s\"'<>`\\{}|^]+")
_AUTHORITY = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)([^/?#]*)")
_QUOTED_PAIR = re.compile(  # name: "value", name='value', and \"escaped\" inside a JSON string
    r"""(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*)(?P<close>\\?["']?)(?P<sep>\s*[:=]\s*)"""
    r"""(?P<esc>\\?)(?P<q>["'])(?P<value>(?:(?!(?P=esc)(?P=q))[^\\\n]|\\(?!(?P=q)).)*)(?P=esc)(?P=q)"""
)
_BARE_PAIR = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_.\-\[\]]*)=(?P<value>[^\s&;,\"'<>]+)")
_HEADER_LINE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9\-]*):[ \t]*(?P<value>[^\r\n]+)", re.M)
_LOWER_HEX = re.compile("%(?:[0-9a-f][a-f]|[a-f][0-9])")
_UPPER_HEX = re.compile("%(?:[0-9A-F][A-F]|[A-F][0-9])")
# a YAML, TOML, INI or .env line: "client_secret: abc", "  api_key = abc", "- token: abc" (a value
# of one word: "password: must be 8 characters or more" is prose)
_CONFIG_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*)(?P<sep>[ \t]*[:=][ \t]*)"
    r"(?P<value>[^\s\"'#,;{}\[\]]+)(?=[ \t]*(?:#.*)?\r?$)",
    re.M,
)
_AUTH_SCHEME = re.compile(
    r"\b(?P<scheme>Bearer|Basic|Token|Bot|Digest|ApiKey|AWS4-HMAC-SHA256)[ \t]+"
    r"(?P<value>[A-Za-z0-9._~+/=\-:]{6,}(?:,\s*[A-Za-z]+=[^\s,]+)*)",
    re.I,
)
# a cookie's name=value: at the start, or after the ", " that joins two Set-Cookie headers (not
# the one inside an Expires date: "Expires=Wed, 21 Oct ...")
_SET_COOKIE = re.compile(r"(^\s*|,\s*(?=[^;,=\s]+=))([^;,]*)")
# <url> in a Link header (RFC 8288), relative or absolute
_LINK_TARGET = re.compile(r"<([^<>]*)>")
# <Password>...</Password>, <wsse:Password Type="...">...</wsse:Password>: an XML element's text
_XML_ELEMENT = re.compile(
    r"<(?P<tag>(?:[A-Za-z_][\w.\-]*:)?(?P<local>[A-Za-z_][\w.\-]*))(?P<attributes>\s[^<>]*)?>"
    r"(?P<value>[^<]+)</(?P=tag)\s*>"
)
_WEBHOOK_HOSTS = ("hooks.slack.com", "discord.com/api/webhooks", "discordapp.com/api/webhooks")


def redact_url(url: str, secrets: SecretValues) -> str:
    """``url`` with its credentials replaced; every other character kept as it was."""
    head, hashmark, fragment = url.partition("#")
    base, question, query = head.partition("?")
    authority = _AUTHORITY.match(base)
    if authority is not None:
        prefix, netloc = authority.group(1), authority.group(2)
        path = base[authority.end() :]
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            user, colon, _ = userinfo.partition(":")
            netloc = f"{user}:{REDACTED}@{host}" if colon else f"{REDACTED}@{host}"
        lower = (netloc + path).lower()
        if path.strip("/") and any(lower.split("@")[-1].startswith(h) for h in _WEBHOOK_HOSTS):
            path = "/" + REDACTED  # the whole path of a webhook is its secret
        base = prefix + netloc + _redact_segments(path)
    else:
        base = _redact_segments(base)
    if question:
        query = redact_pairs(query, "&", secrets)
    if hashmark and "=" in fragment:
        fragment = redact_pairs(fragment, "&", secrets)  # OAuth's implicit flow: #access_token=
    return secrets.url_text(base + question + query + hashmark + fragment)


def redact_url_header(value: str, secrets: SecretValues) -> str:
    """``Location``, ``Link``, ``Refresh``...: each URL they hold, the rest as it was."""
    if "<" in value:
        return _LINK_TARGET.sub(lambda m: f"<{redact_url(m.group(1), secrets)}>", value)
    return redact_text(value, secrets) if "://" in value else redact_url(value, secrets)


def _redact_segments(path: str) -> str:
    if "/" not in path and not path:
        return path
    segments = path.split("/")
    return "/".join(
        REDACTED if has_known_token(unquote(s)) else _redact_path_parameters(s) for s in segments
    )


def _redact_path_parameters(segment: str) -> str:
    """``/cart;jsessionid=ABC`` (a Java servlet's session in the path) -> ``;jsessionid=REDACTED``."""
    if ";" not in segment or "=" not in segment:
        return segment
    name, *parameters = segment.split(";")
    for index, parameter in enumerate(parameters):
        key, equals, value = parameter.partition("=")
        if equals and value and is_credential_parameter(unquote(key)):
            parameters[index] = f"{key}={REDACTED}"
    return ";".join([name, *parameters])


def _encoded_like(original: str, text: str) -> str:
    """``text`` percent-encoded the way ``original`` was: what it left unencoded stays so, the
    rest is encoded, with its case of hex digits and its spelling of a space."""
    safe = "".join(sorted({c for c in original if not c.isalnum() and c not in "%+"}))
    encode = quote_plus if "+" in original or "%20" not in original else quote
    encoded = encode(text, safe=safe)
    if _LOWER_HEX.search(original) and not _UPPER_HEX.search(original):
        encoded = re.sub("%[0-9A-F]{2}", lambda m: m.group(0).lower(), encoded)
    return encoded


def redact_pairs(text: str, separator: str, secrets: SecretValues) -> str:
    """``a=1&api_key=x`` -> ``a=1&api_key=REDACTED`` (a query, a fragment, a form body): only the
    pairs that change are re-encoded."""
    if not text:
        return text
    pieces = []
    for piece in text.split(separator):
        name, equals, value = piece.partition("=")
        if equals and value and value != REDACTED:
            decoded = unquote_plus(value)
            if is_credential_parameter(unquote_plus(name)) or secrets.is_whole(decoded):
                piece = f"{name}={REDACTED}"
            else:
                redacted = redact_text(decoded, secrets)
                if redacted != decoded:
                    in_place = redact_text(value, secrets)  # the raw spelling of the rest kept
                    if unquote_plus(in_place) != redacted:
                        in_place = _encoded_like(value, redacted)
                    piece = f"{name}={in_place}"
        pieces.append(piece)
    return separator.join(pieces)


def redact_text(text: str, secrets: SecretValues) -> str:
    """Free text with every credential it shows replaced (see the module docstring)."""
    if not text:
        return text
    if "://" in text:
        text = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0), secrets), text)
    if ":" in text or "=" in text:
        text = _QUOTED_PAIR.sub(_quoted_pair, text)
    if "=" in text:
        text = _BARE_PAIR.sub(_bare_pair, text)
    if ":" in text:
        text = _HEADER_LINE.sub(_header_line, text)
    if ":" in text or "=" in text:
        text = _CONFIG_LINE.sub(_config_line, text)
    if "</" in text:
        text = _XML_ELEMENT.sub(_xml_element, text)
    text = _AUTH_SCHEME.sub(_auth_scheme, text)
    text = KNOWN_TOKEN_FORMATS.sub(_known_token, text)
    return secrets.text(text)


def _quoted_pair(match: re.Match[str]) -> str:
    name, value = match.group("name"), match.group("value")
    if not value or value == REDACTED or not (is_credential_field(name) or is_credential_parameter(name)):
        return match.group(0)
    quote = match.group("esc") + match.group("q")
    return f"{name}{match.group('close')}{match.group('sep')}{quote}{REDACTED}{quote}"


def _bare_pair(match: re.Match[str]) -> str:
    name, value = match.group("name"), match.group("value")
    if value == REDACTED or not is_credential_parameter(name):
        return match.group(0)
    return f"{name}={REDACTED}"


def _header_line(match: re.Match[str]) -> str:
    name, value = match.group("name"), match.group("value")
    if "-" not in name and name.lower() not in ("authorization", "cookie"):
        return match.group(0)  # prose ("Note: ...") rather than a header
    if not is_credential_header(name):
        return match.group(0)
    return match.group(0)[: match.start("value") - match.start()] + redact_header_value(name, value)


def _config_line(match: re.Match[str]) -> str:
    name, value = match.group("name"), match.group("value")
    if value == REDACTED or not is_credential_field(name):  # ("key: PROJ-1" is a field, not a key)
        return match.group(0)
    return f"{match.group('lead')}{name}{match.group('sep')}{REDACTED}"


def _xml_element(match: re.Match[str]) -> str:
    if not is_credential_field(match.group("local")) or match.group("value").strip() == REDACTED:
        return match.group(0)
    value_start, value_end = match.span("value")
    whole = match.group(0)
    return whole[: value_start - match.start()] + REDACTED + whole[value_end - match.start() :]


def _auth_scheme(match: re.Match[str]) -> str:
    value = match.group("value")
    if value.startswith(REDACTED) or ORDINARY_WORD.match(value):
        return match.group(0)
    return f"{match.group('scheme')} {REDACTED}"


def _known_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if token.startswith("hooks.slack.com") or "webhooks" in token:
        return token  # a webhook URL without its scheme: its path is what goes
    return REDACTED


def redact_header_value(name: str, value: str) -> str:
    """The value of a credential header: the secret goes, its framing stays (``Bearer REDACTED``,
    ``sid=REDACTED; Path=/; HttpOnly``) so a reader of the cassette still sees what was sent."""
    lower = name.lower()
    if lower in ("cookie",):
        return "; ".join(_cookie_pair(p) for p in value.split(";") if p.strip()) or REDACTED
    if lower in ("set-cookie", "set-cookie2"):  # several joined by ", " (as requests does)
        return _SET_COOKIE.sub(lambda m: m.group(1) + _cookie_pair(m.group(2)), value)
    scheme, space, credentials = value.strip().partition(" ")
    if space and credentials and re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*", scheme):
        return f"{scheme} {REDACTED}"
    return REDACTED


def _cookie_pair(pair: str) -> str:
    name, equals, _ = pair.strip().partition("=")
    return f"{name}={REDACTED}" if equals else REDACTED
