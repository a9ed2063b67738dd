"""Where cassettes live, and reading and writing them (atomically, checked on the way out)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from .format import (
    JSON_KEY,
    CassetteError,
    Interaction,
    from_document,
    to_document,
)

SUFFIXES = (".yaml", ".yml", ".json")
_YAML_BREAKS = re.compile("[\x85\u2028\u2029]")
HEADER_COMMENT = (
    "# Recorded by pytest-pdhttp (pytest --pd-record); credentials are redacted.\n"
    "# Re-record with: pytest --pd-record <this test>\n"
)


def yaml_available() -> bool:
    try:
        import yaml  # noqa: F401
    except ImportError:
        return False
    return True


def locate(directory: Path, name: str, *, recording: bool) -> Path:
    """The cassette file for ``name``: its own suffix if it has one, else an existing
    ``.yaml``/``.yml``/``.json`` file, else (to record) ``.yaml``, or ``.json`` without PyYAML."""
    if not isinstance(name, str) or not name.strip():
        raise CassetteError(f"@pytest.mark.pd_http(cassette=...) takes a name, got {name!r}")
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise CassetteError(f"a cassette name stays inside the cassette directory, got {name!r}")
    if relative.suffix in SUFFIXES:
        return directory / relative
    for suffix in SUFFIXES:
        candidate = directory / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return directory / f"{name}{'.yaml' if yaml_available() or not recording else '.json'}"


def missing(path: Path, name: str) -> CassetteError:
    stem = path.parent / Path(name).stem if Path(name).suffix in SUFFIXES else path.parent / name
    return CassetteError(
        f"cassette {name!r} not found: no {stem.name}.yaml, {stem.name}.yml or {stem.name}.json "
        f"in {path.parent}. Record it once with: pytest --pd-record <this test>"
    )


def load(path: Path) -> list[Interaction]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CassetteError(f"{path}: cannot read the cassette: {exc.strerror or exc}") from None
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CassetteError(f"{path}: not valid JSON: {exc}") from None
    else:
        if not yaml_available():
            raise CassetteError(
                f"{path}: a YAML cassette needs PyYAML (pip install pyyaml); or use a .json one"
            )
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise CassetteError(f"{path}: not valid YAML: {exc}") from None
    return from_document(data, str(path))


def dump(path: Path, interactions: list[Interaction]) -> None:
    """Write atomically (temporary file, then rename) so a failed run never leaves half a file;
    a JSON document the file format would not give back byte for byte is written as text."""
    document = to_document(interactions)
    text = _text(path, document)
    back = from_document(_parse(path, text), str(path))
    if _bodies(back) != _bodies(interactions):  # a document YAML or JSON did not give back
        for item, interaction in zip(document["interactions"], interactions):
            for part, body in (("request", interaction.request.body), ("response", _body(interaction))):
                if isinstance(item[part]["body"], dict) and JSON_KEY in item[part]["body"]:
                    item[part]["body"] = body.decode("utf-8")  # as text, then
        text = _text(path, document)
        back = from_document(_parse(path, text), str(path))
    if back != interactions:
        raise CassetteError(f"{path}: the recording would not read back as it was; not written")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _bodies(interactions: list[Interaction]) -> list[tuple[bytes, bytes]]:
    return [(i.request.body, _body(i)) for i in interactions]


def _body(interaction: Interaction) -> bytes:
    return interaction.response.body if interaction.response is not None else b""


def _parse(path: Path, text: str) -> Any:
    if path.suffix == ".json":
        return json.loads(text)
    import yaml

    return yaml.safe_load(text)


def _text(path: Path, document: dict[str, Any]) -> str:
    if path.suffix == ".json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (half an emoji, "\ud83d") has no UTF-8 form
            text = json.dumps(document, indent=2) + "\n"
        return text
    return HEADER_COMMENT + _yaml_text(document)


def _yaml_text(document: dict[str, Any]) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style: str | None = None
        if _YAML_BREAKS.search(value):  # YAML reads them as line breaks unless escaped
            style = '"'
        elif "\n" in value and "\r" not in value and value == value.rstrip(" "):
            style = "|"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, string)
    text: str = yaml.dump(
        document, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=1_000_000
    )
    if yaml.safe_load(text) != document:  # a string the block style could not keep exactly
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1_000_000)
    return text
