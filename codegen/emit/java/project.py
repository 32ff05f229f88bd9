"""The Maven project around the sources: pom.xml, README.md, .gitignore."""

from __future__ import annotations

from codegen.header import header, header_lines
from codegen.model import Struct, TaggedUnion, WireModel
from codegen.wire_table import wire_constants

JACKSON_VERSION = "2.23.0"  # jackson-core: the tokenizer, the only run-time dependency
COMPILER_PLUGIN = "3.16.0"
JAR_PLUGIN = "3.4.2"


def xml_header(model: WireModel) -> str:
    return "".join(f"<!-- {line} -->\n" for line in header_lines(model))


def pom(model: WireModel) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{xml_header(model)}<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <groupId>dev.jamjet</groupId>
  <artifactId>jamjet-schema</artifactId>
  <version>{model.version}</version>
  <packaging>jar</packaging>
  <name>jamjet-schema</name>
  <description>The JamJet event log types (schema {model.version}): Java 17 records read and written with serde's verdicts and bytes.</description>
  <licenses>
    <license>
      <name>Apache-2.0</name>
    </license>
  </licenses>

  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>

  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-core</artifactId>
      <version>{JACKSON_VERSION}</version>
    </dependency>
    <!-- only for JamjetModule (plugging the exact readers into an ObjectMapper): optional,
         so that users who never touch it need not have it -->
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>{JACKSON_VERSION}</version>
      <optional>true</optional>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>{COMPILER_PLUGIN}</version>
        <configuration>
          <release>17</release>
          <compilerArgs>
            <arg>-Xlint:all</arg>
            <arg>-Werror</arg>
          </compilerArgs>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>{JAR_PLUGIN}</version>
      </plugin>
    </plugins>
  </build>
</project>
"""


def gitignore(model: WireModel) -> str:
    return header(model, "#") + "target/\n"


def readme(model: WireModel) -> str:
    structs = sum(1 for d in model.decls if isinstance(d, Struct))
    variants = sum(len(d.variants) for d in model.decls if isinstance(d, TaggedUnion))
    note = "".join(f"<!-- {line} -->\n" for line in header_lines(model))
    c = wire_constants(model)
    limit = c.recursion_limit
    return f"""{note}
# dev.jamjet:jamjet-schema {model.version} (Java)

The JamJet event log types for Java 17, generated from the wire model
({model.schema_path}): {structs} structs, a sealed interface `EventKind` with
{variants} records, read and written with serde's verdicts and serde_json's
exact bytes. The only run-time dependency is jackson-core (its streaming
tokenizer); the serde rules are in `dev.jamjet.schema.wire`.

```xml
<dependency>
  <groupId>dev.jamjet</groupId>
  <artifactId>jamjet-schema</artifactId>
  <version>{model.version}</version>
</dependency>
```

```java
import dev.jamjet.schema.Event;
import dev.jamjet.schema.EventKind;
import dev.jamjet.schema.JamjetJson;
import dev.jamjet.schema.wire.WireException;

try {{
  Event event = JamjetJson.parseEvent(line);          // serde's verdict
  if (event.kind() instanceof EventKind.NodeCompleted done) {{
    System.out.println(done.durationMs());            // a u64, as an unsigned long
  }}
  String bytes = JamjetJson.writeEvent(event);        // serde_json::to_string's bytes
}} catch (WireException e) {{
  System.out.println(e.getMessage());                 // e.g. kind.attempt: invalid type: ...
}}
```

- Types: String, `boolean`, u32 as `long` (0..2^32-1, checked), **u64 as a `long` holding
  the 64 bits unsigned** (`Long.toUnsignedString`, `Long.compareUnsigned`; u64::MAX is -1L),
  i64 `long`, f64 `double`, `java.util.UUID`, `dev.jamjet.schema.wire.Timestamp`
  (nanoseconds and chrono's leap second kept; `toInstant()`), `serde_json::Value` as
  `JsonValue`. An `Option` is a nullable component (boxed); a `Vec` an immutable `List`.
- `Event.create(executionId, sequence, kind)` is the seed's `Event::new` (a random UUID v4,
  `Timestamp.now()`); `EventKind.nodeId(kind)` its `EventKind::node_id()` (static: a
  record's `nodeId()` accessor already returns its field).
- Reading: no coercion, integer bounds by Rust width, missing `Option` is null, a missing
  required field is `missing field`, a member twice is `duplicate field`, unknown members
  are ignored, strict JSON (recursion limit {limit}, no lone surrogates, nothing after the
  document). Errors are `WireException`: serde's message after the field path.
- Writing: declaration order, `null` for an `Option` serde writes, skipped ones absent,
  f64 as zmij writes it, timestamps as chrono, Values with sorted keys.
- The runtime's HTTP API (`GET /executions/{{id}}/events`): `parseEventsResponse` reads the
  envelope `{{"{c.envelope_member}": [...]}}` ({c.events_envelope}), `parseEvents` a bare array
  ({c.events_array}), an element's problem at its index (`{c.envelope_member}[3].kind.attempt`,
  `[3].kind.attempt`); every `write*` takes a `Form`: `Form.LOG` (the log's bytes) or
  `Form.API` (what the API writes: every object's members sorted by key, by code point).
- Inside an `ObjectMapper`: `mapper.registerModule(new JamjetModule())` reads and writes
  these types with the same readers and writers wherever they stand (a field of your own
  bean, the root); it needs jackson-databind, an optional dependency of this package.

Built and tested from the repository (`tests/java`: the conformance corpus, a differential
suite against the Rust probe); regenerate with `nox -s regenerate`, never edit by hand.
"""
