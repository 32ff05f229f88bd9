"""Stage 2: the loaded schema -> the wire model (jamjet_schema.wiremodel.build).

The model and its builder live in the installed package, so that what reads a schema
there (`jamjet-schema diff`) and the code generator judge it by the same code.
"""

from jamjet_schema.wiremodel.build import build_model as build_model
from jamjet_schema.wiremodel.build import snake_case as snake_case
