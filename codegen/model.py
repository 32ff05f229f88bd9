"""The wire model: it lives in the installed package, `jamjet_schema.wiremodel.model`.

The code generator builds on it; this module keeps the names where the emitters,
the corpus recorder and the tests import them.
"""

from jamjet_schema.wiremodel.model import (
    SKIP_PREDICATES as SKIP_PREDICATES,
)
from jamjet_schema.wiremodel.model import (
    Alias as Alias,
)
from jamjet_schema.wiremodel.model import (
    BoxType as BoxType,
)
from jamjet_schema.wiremodel.model import (
    Decl as Decl,
)
from jamjet_schema.wiremodel.model import (
    DeclT as DeclT,
)
from jamjet_schema.wiremodel.model import (
    Field as Field,
)
from jamjet_schema.wiremodel.model import (
    Fill as Fill,
)
from jamjet_schema.wiremodel.model import (
    NamedType as NamedType,
)
from jamjet_schema.wiremodel.model import (
    Newtype as Newtype,
)
from jamjet_schema.wiremodel.model import (
    OnMissing as OnMissing,
)
from jamjet_schema.wiremodel.model import (
    OnOutput as OnOutput,
)
from jamjet_schema.wiremodel.model import (
    OptionType as OptionType,
)
from jamjet_schema.wiremodel.model import (
    Scalar as Scalar,
)
from jamjet_schema.wiremodel.model import (
    ScalarType as ScalarType,
)
from jamjet_schema.wiremodel.model import (
    Struct as Struct,
)
from jamjet_schema.wiremodel.model import (
    TaggedUnion as TaggedUnion,
)
from jamjet_schema.wiremodel.model import (
    TypeExpr as TypeExpr,
)
from jamjet_schema.wiremodel.model import (
    UnitEnum as UnitEnum,
)
from jamjet_schema.wiremodel.model import (
    Variant as Variant,
)
from jamjet_schema.wiremodel.model import (
    VecType as VecType,
)
from jamjet_schema.wiremodel.model import (
    WireModel as WireModel,
)
