"""JamjetModule.java: a Jackson databind Module that plugs the exact readers and writers of
JamjetJson into a user's ObjectMapper, for every document type of the model.

jackson-databind is an optional dependency of generated/java: only this class uses it,
so the parse/write entry points run with jackson-core alone.
"""

from __future__ import annotations

from codegen.emit.java.api import envelope
from codegen.model import WireModel

_IMPORTS = """\
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.json.JsonReadContext;
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
import java.util.List;
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
 * A refused value is a JsonMappingException with serde's message after the value's whole path
 * from the mapper's document root ({{@code events[0].kind: duplicate field `type`}}), caused by
 * the WireException with that path.
 * Needs jackson-databind (an optional dependency of this package: the rest needs only
 * jackson-core).
 */
public final class JamjetModule extends SimpleModule {{
  private static final long serialVersionUID = 1L;

  public JamjetModule() {{
    super("JamjetModule", Version.unknownVersion());
{registrations}  }}

  /**
   * Reads a value with TreeReader (serde's checks on the parser's tokens), then `read`. A refusal
   * is located from the mapper's document root: the members and indexes around the value (the
   * parser's context: a user's {{@code record Resp(List<Event> events)}} gives {{@code events[0]}})
   * before serde's own path inside it ({{@code kind}}), in the message, the cause's path and the
   * JsonMappingException's path.
   */
  static final class Reader<T> extends JsonDeserializer<T> {{
    private final Class<T> type;
    private final Function<Node, T> read;

    Reader(Class<T> type, Function<Node, T> read) {{
      this.type = type;
      this.read = read;
    }}

    @Override
    public Class<?> handledType() {{
      return type;
    }}

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {{
      JsonStreamContext enclosing = enclosing(p); // taken before reading moves the parser
      try {{
        return read.apply(TreeReader.read(p));
      }} catch (WireException e) {{
        throw refusal(p, located(enclosing, e), e.path());
      }}
    }}

    /** The JsonMappingException of a refusal, its path ending with serde's segments inside the value. */
    private JsonMappingException refusal(JsonParser p, WireException whole, List<Object> inner) {{
      JsonMappingException e = JsonMappingException.from(p, whole.getMessage(), whole);
      // Jackson prepends the outer references as the exception leaves the user's beans; serde's
      // members inside the value have no Java class of their own past the first (UNKNOWN)
      for (int k = inner.size() - 1; k >= 0; k--) {{
        Object from = k == 0 ? type : null;
        Object segment = inner.get(k);
        e.prependPath(
            segment instanceof Integer index
                ? new JsonMappingException.Reference(from, index)
                : new JsonMappingException.Reference(from, (String) segment));
      }}
      return e;
    }}
  }}

  /**
   * The parsing context holding the value at the parser's current token: a container's start
   * token has opened the value's own context already. Its member name or index stays put while
   * the value is read, so the path is built only for a refusal.
   */
  static JsonStreamContext enclosing(JsonParser p) {{
    JsonStreamContext here = p.getParsingContext();
    boolean opened = p.isExpectedStartObjectToken() || p.isExpectedStartArrayToken();
    return opened && here.getParent() != null ? here.getParent() : here;
  }}

  /**
   * The refusal seen from the mapper's document root: the enclosing members and indexes first.
   * Only a tokenizer's own contexts say where the value stands in the document: a value Jackson
   * buffered first (TokenBuffer: a type id after the value, a delegating creator) is replayed
   * under contexts of the buffer's, so it keeps serde's path within the value (the
   * JsonMappingException's path, Jackson's references, is whole either way).
   */
  static WireException located(JsonStreamContext enclosing, WireException e) {{
    WireException out = e;
    for (JsonStreamContext c = enclosing; c != null && !c.inRoot(); c = c.getParent()) {{
      if (!(c instanceof JsonReadContext)) return e;
      out = c.inArray() ? out.under(c.getCurrentIndex()) : out.under(c.getCurrentName());
    }}
    return out;
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
    names = [d.name for d in model.documents] + [envelope(model).name]
    registrations = "".join(
        f"    addDeserializer({n}.class, new Reader<>({n}.class, JamjetJson::read{n}));\n"
        f"    addSerializer(new Writer<>({n}.class, JamjetJson::write{n}));\n"
        for n in names
    )
    types = ", ".join(names)
    body = _BODY.format(types=types, registrations=registrations)
    return f"{head}package {package};\n\n{_IMPORTS}\n{body}"
