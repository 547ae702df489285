"""Reading JSON that people send: one loader for REST bodies and WebSocket frames.

Python's ``json`` module recurses once per nesting level, so a few kilobytes of ``[[[[...`` end
in ``RecursionError`` inside whatever called it; and it decodes an escaped lone surrogate
(``"\\ud800"``) into a string that can be stored but never encoded again, so the partner's view
and the export of it would fail later. Both are refused here, before anything else sees the
value: the depth before parsing, the surrogates right after.

``JSONParser`` is DRF's parser (``REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]``); a WebSocket
consumer calls :func:`loads` and answers an ``error`` message with the error's ``code``.
"""

from __future__ import annotations

import codecs
import json
import re
from itertools import accumulate
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers

# Our deepest real body is an answer inside a list inside an object (3); 32 leaves room for any
# client without letting a body get near the interpreter's recursion limit.
MAX_DEPTH = 32

# A JSON string (brackets inside text do not count), or a quote that never closes: then the rest
# is one unterminated string (not JSON at all), taken in one step so the scan stays linear.
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|".*', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEPS = {"[": 1, "{": 1, "]": -1, "}": -1}
_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONInputError(ValueError):
    """JSON we refuse, with a stable ``code``. A ``ValueError``, like ``json``'s own errors."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _too_deep() -> JSONInputError:
    message = _("The data is nested too deeply (at most %(depth)d levels).")
    return JSONInputError("too_deeply_nested", str(message) % {"depth": MAX_DEPTH})


def _not_unicode() -> JSONInputError:
    return JSONInputError(
        "invalid_unicode",
        str(_("The text contains characters that are not valid Unicode (a lone surrogate).")),
    )


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse ``text`` when its arrays and objects nest deeper than ``max_depth``, without
    parsing it: strings out, then the running sum over the brackets that are left."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    if brackets and max(accumulate(map(_STEPS.__getitem__, brackets))) > max_depth:
        raise _too_deep()


def check_unicode(value: Any) -> None:
    """Refuse a lone surrogate in any string of ``value``, keys included (iterative: the depth
    is already bounded, but this never recurses anyway)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise _not_unicode()
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def loads(data: str | bytes | bytearray) -> Any:
    """``json.loads`` with bounded nesting and valid Unicode only; ``JSONInputError`` (or
    ``json``'s own ``ValueError``) for anything else. Bytes must be UTF-8."""
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise _not_unicode() from error
    if _SURROGATE.search(data):
        raise _not_unicode()
    check_depth(data)
    value = json.loads(data, parse_constant=_refuse_constant)
    check_unicode(value)
    return value


def _refuse_constant(name: str) -> None:
    # NaN and Infinity are not JSON; DRF refuses them too (STRICT_JSON).
    raise ValueError(f"{name} is not valid JSON")


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser through :func:`loads`: a deep or broken body is a 400 with a stable
    code. (Django has already held the body to ``DATA_UPLOAD_MAX_MEMORY_SIZE``.)"""

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        encoding = parsers.get_encoding(parser_context or {})
        raw = stream.read()
        try:
            text = codecs.decode(raw, encoding)
        except UnicodeDecodeError as error:
            raise exceptions.ParseError(_not_unicode().message, code="invalid_unicode") from error
        try:
            return loads(text)
        except JSONInputError as error:
            raise exceptions.ParseError(error.message, code=error.code) from error
        except ValueError as error:
            raise exceptions.ParseError(
                str(_("The request body is not valid JSON.")), code="parse_error"
            ) from error
