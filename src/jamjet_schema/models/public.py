"""Where the generated classes say they live: `jamjet_schema`, where users import them.

A generated models module ends with `present(globals(), "jamjet_schema")`. Its classes
then name `jamjet_schema.Event` in reprs, error messages and pickles (a pickle refers
to the public name, not to the private module), instead of
`_jamjet_schema_generated.models.Event`.

A class's `__module__` is also where Python and Pydantic look up the names in its
annotations, so before it changes, `present`

- completes every model (Pydantic resolves the forward references against the module
  that defines them, once), and
- replaces each class's own string annotations (the module uses
  `from __future__ import annotations`) by the types they name, so that
  `typing.get_type_hints`, a subclass and `model_rebuild(force=True)` need no module
  namespace.

The runtime finds a class's plans module through `defined_in`, which still answers the
module that defines it.
"""

from __future__ import annotations

import inspect
import typing
from typing import Any

from pydantic import BaseModel

_DEFINED_IN: dict[type, str] = {}


def present(namespace: dict[str, Any], public: str) -> None:
    """Makes every class defined in the module of `namespace` present itself as a
    member of the module `public` (which must give it under the same name)."""
    module = namespace["__name__"]
    classes = [
        value
        for value in namespace.values()
        if isinstance(value, type) and value.__module__ == module
    ]
    for cls in classes:
        if issubclass(cls, BaseModel) and not cls.__pydantic_complete__:
            cls.model_rebuild()  # forward references resolved while the module is theirs
    for cls in classes:
        own = inspect.get_annotations(cls)  # its own, as written: strings
        if own:
            hints = typing.get_type_hints(cls, include_extras=True)
            cls.__annotations__ = {name: hints[name] for name in own}
    for cls in classes:
        _DEFINED_IN[cls] = module
        cls.__module__ = public


def defined_in(cls: type) -> str:
    """The module that defines `cls`, whatever module it presents itself as part of."""
    return _DEFINED_IN.get(cls, cls.__module__)
