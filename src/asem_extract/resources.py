"""Loading of the rule and gazetteer files shipped under `asem_extract/resources/`.

Every loader validates what it reads and names file, line and field on error, so a
broken edit to a data file fails at start-up with a message a maintainer can act on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Iterator

from .errors import ResourceError

PACKAGE = "asem_extract"


def resource_root() -> Path:
    """The directory of the bundled resources (works from a wheel as well as a checkout)."""
    return Path(str(importlib_resources.files(PACKAGE).joinpath("resources")))


def resource_path(name: str, root: str | Path | None = None) -> Path:
    base = Path(root) if root is not None else resource_root()
    path = base / name
    if not path.is_file():
        raise ResourceError(str(path), "file not found")
    return path


def load_json(name: str, root: str | Path | None = None, required: tuple[str, ...] = ()) -> dict[str, Any]:
    path = resource_path(name, root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ResourceError(str(path), f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict):
        raise ResourceError(str(path), "top level must be an object")
    for key in required:
        if key not in data:
            raise ResourceError(str(path), "missing key", field=key)
    return data


def words_of(data: dict[str, Any], key: str, path: str) -> list[str]:
    """A list of strings, directly or under `{"words": [...]}`."""
    value = data.get(key)
    if isinstance(value, dict):
        value = value.get("words")
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(path, "must be a list of non-empty strings", field=key)
    return value


def mapping_of(data: dict[str, Any], key: str, path: str, types: tuple[type, ...]) -> dict[str, Any]:
    """A dict of non-empty string keys to values of `types`; keys starting with `_` are comments."""
    value = data.get(key)
    if not isinstance(value, dict):
        raise ResourceError(path, "must be an object", field=key)
    out = {}
    for k, v in value.items():
        if k.startswith("_"):
            continue
        if not k or not isinstance(v, types) or isinstance(v, bool):
            raise ResourceError(path, f"bad entry {k!r}: {v!r}", field=key)
        out[k] = v
    return out


@dataclass(frozen=True)
class TsvRow:
    line: int
    fields: tuple[str, ...]


def read_tsv(name: str, root: str | Path | None = None, min_fields: int = 1, max_fields: int = 3) -> Iterator[TsvRow]:
    """Rows of a tab-separated file; `#` lines and blank lines are skipped."""
    path = resource_path(name, root)
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if not (min_fields <= len(fields) <= max_fields):
            raise ResourceError(str(path), f"expected {min_fields}-{max_fields} tab-separated fields, got {len(fields)}",
                                line=lineno)
        if not fields[0]:
            raise ResourceError(str(path), "empty first field", line=lineno, field="name")
        yield TsvRow(lineno, fields)


def read_lines(name: str, root: str | Path | None = None) -> list[str]:
    path = resource_path(name, root)
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
