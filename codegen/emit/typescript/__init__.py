"""The TypeScript emitter: the npm package `@jamjet/schema` (generated/typescript).

It reads only the WireModel. The serde semantics live in the hand-written runtime
(runtimes/typescript/*.ts, copied into src/runtime/ with the header); what is
emitted here only says, per declaration, which runtime function reads or writes
each field. So the generated code stays a flat list of calls that mirrors the Rust
declaration, and every wire rule is tested once, in the runtime.

One module per output: types.py (src/types.ts: interfaces, the discriminated union,
type guards, nodeIdOf), decode.py (src/decode.ts: parse*/decode*), read.py (src/read.ts:
read*, the fast path of parse*), encode.py (src/encode.ts: serialize*), write.py
(src/write.ts: print*, the fast path of serialize*), builders.py (src/builders.ts: new*
from Struct.fills), view.py (src/view.ts: the view for UI code, plain data, and its
parse/serialize),
constants.py (src/runtime/constants.ts: the wire constants the runtime reads),
package.py (src/index.ts, package.json, tsconfig.json, README.md with its counts from
the model, scripts/build.mjs, .npmrc, .gitignore, LICENSE, the runtime's copy);
naming.py and imports.py are what they share.
"""

from __future__ import annotations

from pathlib import Path

from codegen.header import header
from codegen.model import WireModel

from .builders import builders_ts
from .constants import PATH as CONSTANTS_PATH
from .constants import constants_ts
from .decode import decode_ts
from .encode import encode_ts
from .imports import REPO
from .naming import check_names
from .package import (
    ROOT,
    TYPESCRIPT_VERSION,
    gitignore,
    index_ts,
    license_file,
    npmrc,
    package_json,
    readme,
    runtime_files,
    template,
)
from .read import read_ts
from .types import types_ts
from .view import view_ts
from .write import write_ts

__all__ = ["TYPESCRIPT_VERSION", "decode_ts", "emit", "readme", "types_ts"]


def emit(model: WireModel, repo: Path = REPO) -> dict[str, str]:
    check_names(model)
    license_text = license_file(model, repo)
    files = {
        f"{ROOT}/package.json": package_json(model),
        f"{ROOT}/tsconfig.json": header(model, "//") + template("tsconfig.json"),
        f"{ROOT}/README.md": readme(model, has_license=license_text is not None),
        f"{ROOT}/scripts/build.mjs": header(model, "//") + "\n" + template("scripts/build.mjs"),
        f"{ROOT}/.npmrc": npmrc(model),
        f"{ROOT}/.gitignore": gitignore(model),
        f"{ROOT}/src/index.ts": index_ts(model),
        f"{ROOT}/src/types.ts": types_ts(model),
        f"{ROOT}/src/decode.ts": decode_ts(model),
        f"{ROOT}/src/read.ts": read_ts(model),
        f"{ROOT}/src/encode.ts": encode_ts(model),
        f"{ROOT}/src/write.ts": write_ts(model),
        f"{ROOT}/src/builders.ts": builders_ts(model),
        f"{ROOT}/src/view.ts": view_ts(model),
        f"{ROOT}/{CONSTANTS_PATH}": constants_ts(model),
    }
    if license_text is not None:
        files[f"{ROOT}/LICENSE"] = license_text
    files.update(runtime_files(model))
    return files
