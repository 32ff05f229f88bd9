"""The imports of each generated module, and what the runtime exports.

What the generated code may take from the runtime is read from the runtime's own
entry point (runtimes/typescript/index.ts), not kept here as a second list: a name
the runtime stops exporting fails the emitter, and a new one is importable at once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from codegen.header import header
from codegen.model import TaggedUnion, UnitEnum, WireModel

from .naming import constant, type_names

REPO = Path(__file__).resolve().parents[3]
RUNTIME_SOURCES = REPO / "runtimes" / "typescript"
RUNTIME = "./runtime/index.js"  # the runtime's entry point, from the package's src/

# `export { a, b, type C } from "./x.js";` -- the only form index.ts uses.
_EXPORT_LIST = re.compile(r'export\s*\{([^}]*)\}\s*from\s*"[^"]*"\s*;')
_OTHER_EXPORT = re.compile(r"^\s*export\b(?!\s*\{)", re.M)


@dataclass(frozen=True)
class RuntimeExports:
    """The names the runtime's index.ts exports: values (functions, classes, constants)
    and types (`type X`)."""

    values: frozenset[str]
    types: frozenset[str]

    @property
    def names(self) -> frozenset[str]:
        return self.values | self.types

    def require(self, names: Iterable[str]) -> None:
        missing = sorted(set(names) - self.names)
        if missing:
            raise ValueError(f"runtimes/typescript/index.ts does not export {', '.join(missing)}")


@functools.cache
def runtime_exports(index: Path = RUNTIME_SOURCES / "index.ts") -> RuntimeExports:
    text = _without_comments(index.read_text(encoding="utf-8"))
    if _OTHER_EXPORT.search(text):
        raise ValueError(f"{index}: only `export {{ ... }} from` lists can be read")
    values: set[str] = set()
    types: set[str] = set()
    for match in _EXPORT_LIST.finditer(text):
        for item in filter(None, (part.strip() for part in match.group(1).split(","))):
            kind, _, name = item.rpartition(" ")
            (types if kind == "type" else values).add(name)
    return RuntimeExports(frozenset(values), frozenset(types))


# Strings and comments, so that a word in a doc comment or a literal is no use of a name.
_NOT_CODE = re.compile(r'"(?:[^"\\\n]|\\.)*"|/\*.*?\*/|//[^\n]*', re.S)


def _without_comments(text: str) -> str:
    return _NOT_CODE.sub(lambda m: '""' if m.group(0).startswith('"') else " ", text)


def mentions(code: str, name: str) -> bool:
    """Whether `code` (without comments and strings) uses `name` as a value or type: not
    as a property (`.name`; a spread `...name` is a use) nor as a key or parameter (`name:`)."""
    pattern = rf"(?<![\w$])(?<![^.]\.){re.escape(name)}(?![\w$])(?!\s*\??:(?!:))"
    return re.search(pattern, code) is not None


def imports(body: str, module: str, values: Iterable[str], types: Iterable[str] = ()) -> str:
    """One import of the names `body` uses: tsc's noUnusedLocals refuses unused ones."""
    code = _without_comments(body)
    value_names = sorted({n for n in values if mentions(code, n)})
    type_names = sorted({n for n in types if mentions(code, n)} - set(value_names))
    if not value_names:  # only types: an import the compiled JavaScript drops
        return import_statement("import type", type_names, module)
    return import_statement("import", value_names + [f"type {n}" for n in type_names], module)


def import_statement(keyword: str, names: list[str], module: str) -> str:
    if not names:
        return ""
    return f"{keyword} {{\n" + "".join(f"  {n},\n" for n in names) + f'}} from "{module}";\n'


def type_constants(model: WireModel) -> list[str]:
    tags = [constant(u.name, "TAGS") for u in model.of_kind(TaggedUnion)]
    return tags + [constant(e.name, "VALUES") for e in model.of_kind(UnitEnum)]


def module(
    model: WireModel, intro: str, body: str, local: Iterable[tuple[str, Iterable[str]]] = ()
) -> str:
    """A generated module: header, what it is, the imports its body needs, the body.
    `local`: (module, the functions it exports) of the other generated modules it may use."""
    runtime = runtime_exports()
    head = imports(body, RUNTIME, runtime.values, runtime.types)
    head += imports(body, "./types.js", type_constants(model), type_names(model))
    head += "".join(imports(body, path, names) for path, names in local)
    return f"{header(model, '//')}{intro}\n{head}\n{body}"
