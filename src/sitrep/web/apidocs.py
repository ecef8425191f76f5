"""The API description for the /docs page. FastAPI describes the API in OpenAPI 3.1; the
Swagger UI that sitrep serves from the swagger-ui-bundle package (4.15) reads OpenAPI 3.0 only
and refuses a 3.1 document outright. The page therefore gets the same description written in
3.0 terms; `/openapi.json` stays 3.1 for API clients.

What FastAPI's 3.1 output uses that 3.0 lacks, and how it is written here:
- an optional value, `anyOf: [X, {"type": "null"}]`: X with `nullable: true`;
- `type: [X, "null"]`: `type: X` with `nullable: true`;
- `examples: [...]` in a schema: `example:` with the first one;
- numeric `exclusiveMinimum`/`exclusiveMaximum`: `minimum`/`maximum` with the boolean flag;
- `const: v`: `enum: [v]`.
"""

from __future__ import annotations

import copy
from typing import Any

OPENAPI_30 = "3.0.3"


def openapi_30(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of `spec` (OpenAPI 3.1 from FastAPI) in OpenAPI 3.0 terms."""
    out = _convert(copy.deepcopy(spec))
    out["openapi"] = OPENAPI_30
    return out


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null" and len(schema) == 1


def _convert(node: Any) -> Any:
    if isinstance(node, list):
        return [_convert(x) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: _convert(v) for k, v in node.items()}
    for key in ("anyOf", "oneOf"):
        options = node.get(key)
        if isinstance(options, list) and any(_is_null(o) for o in options):
            rest = [o for o in options if not _is_null(o)]
            del node[key]
            if len(rest) == 1 and isinstance(rest[0], dict):
                node = {**rest[0], **node}  # the outer title, description and default win
            elif rest:
                node[key] = rest
            node["nullable"] = True
    kind = node.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        if len(kinds) < len(kind):
            node["nullable"] = True
        if len(kinds) == 1:
            node["type"] = kinds[0]
        else:
            del node["type"]
            if kinds:
                node["anyOf"] = [{"type": k} for k in kinds]
    if isinstance(node.get("examples"), list):  # a schema's examples (3.0's are a map elsewhere)
        examples = node.pop("examples")
        if examples:
            node["example"] = examples[0]
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = node.get(exclusive)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            node[bound], node[exclusive] = value, True
    if "const" in node:
        node["enum"] = [node.pop("const")]
    return node
