"""Read input files into :class:`RawArticle` records, one :class:`Failure` per bad input.

This is the pipeline's only stage that touches the file system. It never raises on bad
input: every file (or JSONL line) that cannot be read becomes a ``Failure`` naming the
input and the reason in plain words, and the rest of the batch goes on.

Supported inputs:

* ``.txt`` and ``.md``: plain text (``RawArticle.text``);
* ``.html`` and ``.htm``: raw HTML kept as is (``RawArticle.html``), cleaned later;
* ``.jsonl``: one article per line with ``id`` and ``text`` or ``html``, and optionally
  ``title``, ``outlet``, ``url``, ``published``, ``language`` and ``authors`` (other keys
  are ignored). A file holding a single record may leave out ``id``: the file name names
  it. ``input_id`` is the ``id``, else the file name without extension; ``origin`` is the
  file path, ``path:LINE`` for JSONL.

A sidecar ``NAME.json`` beside ``NAME.txt``/``NAME.md``/``NAME.html`` gives metadata
fields explicitly; they win over whatever cleaning later reads from the text. Markdown
front matter is read by cleaning, not here. Folders are walked recursively in sorted
order; hidden files and folders (names starting with ``.``) are skipped.

Text must be UTF-8 (a BOM is fine, UTF-16 with a BOM too). Legacy encodings are not
guessed: a wrong guess would corrupt the very quotes the analysis cites. HTML that is not
UTF-8 is decoded with the charset its own ``<meta>`` tag declares.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from counterpoint.model import Failure, RawArticle

__all__ = ["read_inputs", "SUPPORTED_EXTENSIONS", "DEFAULT_MAX_FILE_BYTES"]

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS
SIDECAR_FIELDS = ("input_id", "title", "outlet", "url", "authors", "published", "language")
_STRING_FIELDS = ("title", "outlet", "url", "published", "language")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class _Bad(Exception):
    """An input that cannot be read; carries the plain-words reason for its Failure."""


@dataclass
class _Batch:
    """Accumulates what one call of :func:`read_inputs` has read and refused."""

    articles: list[RawArticle]
    failures: list[Failure]
    seen_ids: dict[str, str]

    def add(self, article: RawArticle) -> None:
        """Keep ``article`` unless its input id is already taken (ids must be unique)."""
        first = self.seen_ids.get(article.input_id)
        if first is not None:
            reason = f"input id {article.input_id!r} is already used by {first}"
            self.failures.append(Failure(article.origin, reason))
            return
        self.seen_ids[article.input_id] = article.origin
        self.articles.append(article)


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> tuple[list[RawArticle], list[Failure]]:
    """Read files and folders (recursively, in sorted order) into raw articles.

    Returns the articles read and the failures, both in a deterministic order. Nothing
    raises for bad input: each problem is one ``Failure(input, reason)``.
    """
    batch = _Batch([], [], {})
    for path in _expand(paths, batch.failures):
        _read_one(path, max_file_bytes, batch)
    return batch.articles, batch.failures


# ---------------------------------------------------------------- walking


def _expand(paths: Sequence[str | os.PathLike[str]], failures: list[Failure]) -> Iterator[Path]:
    """Yield the files to read: given files, and files under given folders, minus sidecars."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            failures.append(Failure(str(path), "no such file or folder"))


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted order, skipping hidden entries and sidecars."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and _sidecar_owner(path) is None:
                yield path


def _sidecar_owner(path: Path) -> Path | None:
    """The article a ``NAME.json`` describes (``NAME.txt`` etc. beside it), if any."""
    if path.suffix.lower() != ".json":
        return None
    for ext in TEXT_EXTENSIONS + HTML_EXTENSIONS:
        for candidate in (path.with_suffix(ext), path.with_suffix(ext.upper())):
            if candidate.is_file():
                return candidate
    return None


# ---------------------------------------------------------------- one file


def _read_one(path: Path, max_file_bytes: int, batch: _Batch) -> None:
    """Read one file into ``batch``: articles on success, a Failure otherwise."""
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        if _sidecar_owner(path) is None:
            kinds = ", ".join(SUPPORTED_EXTENSIONS)
            reason = f"extension {ext or '(none)'!r} is not supported; supported: {kinds}"
            batch.failures.append(Failure(str(path), reason))
        return
    try:
        data = _read_bytes(path, max_file_bytes)
        if ext in JSONL_EXTENSIONS:
            content = _decode(data)
            if not content.strip():
                raise _Bad("the file is empty (or only whitespace)")
            _read_jsonl(path, content, batch)
            return
        text = _decode_html(data) if ext in HTML_EXTENSIONS else _decode(data)
        article = _file_article(path, text, is_html=ext in HTML_EXTENSIONS)
    except _Bad as bad:
        batch.failures.append(Failure(str(path), str(bad)))
        return
    _apply_sidecar(path, article, batch)


def _read_bytes(path: Path, max_file_bytes: int) -> bytes:
    """The file's bytes, refusing files over the size limit before reading them."""
    try:
        if not path.is_file():
            raise _Bad("not a regular file")
        size = path.stat().st_size
        if size > max_file_bytes:
            raise _Bad(f"file is {size:,} bytes, larger than the limit of {max_file_bytes:,}")
        return path.read_bytes()
    except PermissionError:
        raise _Bad("permission denied: the file cannot be read") from None
    except OSError as err:
        raise _Bad(f"the file cannot be read: {err.strerror or err}") from None


def _file_article(path: Path, text: str, *, is_html: bool) -> RawArticle:
    """A RawArticle from a whole text or HTML file; empty files are refused."""
    if not text.strip():
        raise _Bad("the file is empty (or only whitespace)")
    origin, input_id = str(path), path.stem
    if is_html:
        return RawArticle(input_id=input_id, origin=origin, html=text)
    return RawArticle(input_id=input_id, origin=origin, text=text)


# ---------------------------------------------------------------- decoding


def _decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM, or UTF-16 with BOM); refuse binary data.

    There is no guessing of legacy encodings: a Latin-1 or cp1252 file is refused with the
    offset of the first byte that is not UTF-8, because a wrong guess corrupts quotes.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        raise _Bad("binary file (it contains NUL bytes), not text")
    text = _strict(data, "utf-8-sig")
    if len(_CONTROL.findall(text[:4096])) > max(8, len(text[:4096]) // 20):
        raise _Bad("binary file (many control characters), not text")
    return text


def _strict(data: bytes, encoding: str) -> str:
    """Decode or raise :class:`_Bad` naming the first bad byte and its offset."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        byte = data[err.start : err.start + 1].hex().upper()
        hint = _legacy_hint(data)
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise _Bad(
            f"not valid {name}: byte 0x{byte} at offset {err.start} cannot be decoded{hint}"
        ) from None


def _legacy_hint(data: bytes) -> str:
    """A hint when the bytes look like a single-byte Western encoding (never a guess used)."""
    high = [b for b in data if b >= 0x80]
    if high and all(b >= 0xA0 or b in (0x91, 0x92, 0x93, 0x94, 0x96, 0x97) for b in high):
        return " (it looks like Latin-1 or cp1252; convert it to UTF-8)"
    return ""


def _decode_html(data: bytes) -> str:
    """Decode HTML: UTF-8 first, else the charset the page itself declares in a <meta> tag."""
    try:
        return _decode(data)
    except _Bad:
        match = _META_CHARSET.search(data[:4096])
        if match is None:
            raise
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise _Bad(
                f"not decodable with its declared charset {match.group(1).decode('ascii')!r}"
            ) from None


# ---------------------------------------------------------------- sidecars


def _apply_sidecar(path: Path, article: RawArticle, batch: _Batch) -> None:
    """Merge a ``NAME.json`` sidecar's fields into ``article`` (a bad sidecar is a Failure)."""
    sidecar = next((p for p in (path.with_suffix(".json"),) if p.is_file()), None)
    if sidecar is None:
        batch.add(article)
        return
    try:
        fields = _sidecar_fields(sidecar)
    except _Bad as bad:
        batch.failures.append(Failure(str(sidecar), f"{bad}; {path.name} read without it"))
        fields = {}
    batch.add(replace(article, **fields))


def _sidecar_fields(sidecar: Path) -> dict[str, Any]:
    """The validated metadata fields of a sidecar file."""
    try:
        value = json.loads(_decode(sidecar.read_bytes()))
    except json.JSONDecodeError as err:
        raise _Bad(f"sidecar is not valid JSON: {err.msg} at line {err.lineno}") from None
    except (ValueError, RecursionError) as err:
        raise _Bad(f"sidecar JSON cannot be read: {type(err).__name__}") from None
    except OSError as err:
        raise _Bad(f"sidecar cannot be read: {err.strerror or err}") from None
    if not isinstance(value, dict):
        raise _Bad("sidecar must hold a JSON object")
    unknown = sorted(set(value) - set(SIDECAR_FIELDS))
    if unknown:
        raise _Bad(f"sidecar has unknown fields {unknown}; valid: {', '.join(SIDECAR_FIELDS)}")
    return _metadata(value)


def _metadata(value: dict[str, Any]) -> dict[str, Any]:
    """Type-checked metadata fields from a JSON object (sidecar or JSONL line)."""
    fields: dict[str, Any] = {}
    for name in ("input_id",) + _STRING_FIELDS:
        item = value.get(name)
        if item is None:
            continue
        if not isinstance(item, str):
            raise _Bad(f"field {name!r} must be a string, not {type(item).__name__}")
        fields[name] = item.strip() or None
    if value.get("authors") is not None:
        fields["authors"] = _authors(value["authors"])
    return fields


def _authors(value: Any) -> tuple[str, ...]:
    """Authors given as a list of names or one string."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise _Bad("field 'authors' must be a list of strings")
    return tuple(a.strip() for a in value if a.strip())


# ---------------------------------------------------------------- JSONL


def _read_jsonl(path: Path, content: str, batch: _Batch) -> None:
    """One article per non-blank line; each bad line is its own Failure.

    A file holding a single record may leave out ``id``: the file name names it, as for
    any other one-article file. With several records every line needs its own ``id``.
    """
    lines = content.splitlines()
    single = sum(1 for line in lines if line.strip()) == 1
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            batch.add(_jsonl_article(line, origin, path.stem if single else None))
        except _Bad as bad:
            batch.failures.append(Failure(origin, str(bad)))


def _jsonl_article(line: str, origin: str, fallback_id: str | None) -> RawArticle:
    """A RawArticle from one JSONL line, or :class:`_Bad` saying what is wrong."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        raise _Bad(f"malformed JSON: {err.msg} at column {err.colno}") from None
    except (ValueError, RecursionError) as err:  # absurd numbers or nesting
        raise _Bad(f"JSON that cannot be read: {type(err).__name__}") from None
    if not isinstance(value, dict):
        raise _Bad(f"a line must be a JSON object, not {type(value).__name__}")
    raw_id = value.get("id", fallback_id)
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise _Bad("no 'id' (a non-empty string) on this line; every line needs one")
    body = {k: value.get(k) for k in ("text", "html")}
    if not any(isinstance(v, str) and v.strip() for v in body.values()):
        raise _Bad("neither 'text' nor 'html' holds any text on this line")
    fields = _metadata({k: v for k, v in value.items() if k in SIDECAR_FIELDS[1:]})
    text, html = (v if isinstance(v, str) and v.strip() else None for v in body.values())
    return RawArticle(
        input_id=raw_id.strip(), origin=origin, text=None if html else text, html=html, **fields
    )
