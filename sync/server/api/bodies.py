"""JSON bodies the routes handle themselves: requests parsed and validated off the event
loop, errors in the protocol's shape; large answers gzip-compressed for slow links."""

from __future__ import annotations

import gzip
import json
from typing import Any, TypeVar

import orjson
from fastapi import Response
from pydantic import BaseModel, ValidationError

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem

Model = TypeVar("Model", bound=BaseModel)
GZIP_FROM = 1024  # bytes: a smaller answer gains nothing from compression


def parse_json(model: type[Model], raw: bytes, check=None) -> tuple[Model, Any]:
    """The validated model and the JSON value it was read from (kept as received);
    `check(data)` runs before validation."""
    data = load_json(raw)
    if check is not None:
        check(data)
    try:
        return model.model_validate(data), data
    except ValidationError as error:
        raise validation_problem(error.errors(), prefix=("body",)) from None


def load_json(raw: bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass
    try:  # orjson refuses integers beyond 64 bits, which JSON allows
        data = json.loads(raw)
        # ... and lone surrogates (`"\\ud800"`), which are no Unicode text: refused too
        json.dumps(data, ensure_ascii=False).encode()
    except (ValueError, RecursionError):  # UnicodeError is a ValueError
        raise Problem(problems.MALFORMED_JSON) from None
    return data


def check_record_sizes(data: Any) -> None:
    """Refuse a push holding a record over MAX_RECORD_BYTES, before it is validated."""
    records = data.get("records") if isinstance(data, dict) else None
    for index, record in enumerate(records if isinstance(records, list) else [data]):
        size = protocol.record_too_large(record)
        if size:
            raise Problem(
                problems.RECORD_TOO_LARGE,
                f"A record is larger than {protocol.MAX_RECORD_BYTES} bytes.",
                details={"index": index, "size_bytes": size, "limit_bytes": protocol.MAX_RECORD_BYTES},
            )


def validation_problem(errors, prefix: tuple[str, ...] = ()) -> Problem:
    if any(e.get("type") == "json_invalid" for e in errors):
        return Problem(problems.MALFORMED_JSON)
    shown = [
        {
            "loc": [*prefix, *(str(p) for p in e.get("loc", ()))],
            "msg": str(e.get("msg", ""))[:200],
            "type": str(e.get("type", "")),
        }
        for e in list(errors)[:20]
    ]
    return Problem(problems.VALIDATION_FAILED, details={"errors": shown})


def json_response(body: bytes, accept_encoding: str | None) -> Response:
    """A JSON answer, gzip-compressed when the client accepts it and it is large enough."""
    headers = {"Vary": "Accept-Encoding"}
    if len(body) >= GZIP_FROM and accepts_gzip(accept_encoding or ""):
        body = gzip.compress(body, compresslevel=protocol.GZIP_LEVEL, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip: named or `*`, with a quality above 0."""
    qualities = {}
    for item in accept_encoding.split(","):
        name, *params = item.split(";")
        qualities[name.strip().lower()] = _quality(params)
    return qualities.get("gzip", qualities.get("*", 0.0)) > 0


def _quality(params: list[str]) -> float:
    for param in params:
        key, _, value = param.strip().partition("=")
        if key.lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def json_body_of(model: type[BaseModel]) -> dict:
    """`openapi_extra` for a route that reads a `model` body itself (see `add_schemas`)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
        }
    }


def add_schemas(app, models: list[type[BaseModel]]) -> None:
    """Publish in /openapi.json the schemas of bodies the routes read themselves."""
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in models:
            generated = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in generated.pop("$defs", {}).items():
                components.setdefault(name, definition)
            components[model.__name__] = generated
        return schema

    app.openapi = openapi
