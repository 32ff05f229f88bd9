import dev.jamjet.schema.conformance.JamjetConformance;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The same list and two stale lines (a fixture that passes, an id naming none): fails. */
class StaleKnownFailuresTest {
  @TestFactory
  Stream<DynamicNode> conformance() {
    return JamjetConformance.of(new RyuSubject()).knownFailures(Path.of("known-failures/stale.txt")).tests();
  }
}
