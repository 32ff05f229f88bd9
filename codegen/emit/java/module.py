"""JamjetModule.java: a Jackson databind Module that plugs the exact readers and writers of
JamjetJson into a user's ObjectMapper, for every document type of the model.

jackson-databind is an optional dependency of generated/java: only this class uses it,
so the parse/write entry points run with jackson-core alone.
"""

from __future__ import annotations

from codegen.model import WireModel

_IMPORTS = """\
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.jamjet.schema.wire.Node;
import dev.jamjet.schema.wire.TreeReader;
import dev.jamjet.schema.wire.WireException;
import java.io.IOException;
import java.util.function.Function;
"""

_BODY = """\
/**
 * A Jackson databind module that reads and writes {types} with JamjetJson's exact readers
 * and writers, inside a user's ObjectMapper: {{@code mapper.registerModule(new JamjetModule())}}.
 *
 * <p>A value of these types gets serde's verdict and serde_json's bytes wherever it stands
 * (a field of the user's own bean, a list element, the root). The tokenizer is the mapper's:
 * for serde's verdicts on whole documents enable DeserializationFeature.FAIL_ON_TRAILING_TOKENS
 * and lift the factory's StreamReadConstraints (serde skips an unknown member of any depth or
 * length); even then Jackson refuses a lone surrogate escape in a member name that serde
 * ignores, and messages carry no serde positions. JamjetJson.parse* has none of these caveats.
 * A refused value is a JsonMappingException with serde's message, caused by the WireException.
 * Needs jackson-databind (an optional dependency of this package: the rest needs only
 * jackson-core).
 */
public final class JamjetModule extends SimpleModule {{
  private static final long serialVersionUID = 1L;

  public JamjetModule() {{
    super("JamjetModule", Version.unknownVersion());
{registrations}  }}

  /** Reads a value with TreeReader (serde's checks on the parser's tokens), then `read`. */
  static final class Reader<T> extends JsonDeserializer<T> {{
    private final Function<Node, T> read;

    Reader(Function<Node, T> read) {{
      this.read = read;
    }}

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {{
      try {{
        return read.apply(TreeReader.read(p));
      }} catch (WireException e) {{
        throw JsonMappingException.from(p, e.getMessage(), e);
      }}
    }}
  }}

  /** Writes serde_json's exact bytes of a value as the generator's next raw value. */
  static final class Writer<T> extends JsonSerializer<T> {{
    private final Function<T, String> write;
    private final Class<T> type;

    Writer(Class<T> type, Function<T, String> write) {{
      this.type = type;
      this.write = write;
    }}

    @Override
    public Class<T> handledType() {{
      return type;
    }}

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {{
      gen.writeRawValue(write.apply(value));
    }}
  }}
}}
"""


def module_file(model: WireModel, head: str, package: str) -> str:
    names = [d.name for d in model.documents]
    registrations = "".join(
        f"    addDeserializer({n}.class, new Reader<>(JamjetJson::read{n}));\n"
        f"    addSerializer(new Writer<>({n}.class, JamjetJson::write{n}));\n"
        for n in names
    )
    types = ", ".join(names)
    body = _BODY.format(types=types, registrations=registrations)
    return f"{head}package {package};\n\n{_IMPORTS}\n{body}"
