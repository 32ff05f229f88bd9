import dev.jamjet.schema.conformance.JamjetConformance;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every fixture the ryu subject fails, listed: known failures, the run passes. */
class KnownFailuresTest {
  @TestFactory
  Stream<DynamicNode> conformance() {
    return JamjetConformance.of(new RyuSubject()).knownFailures(Path.of("known-failures/ryu.txt")).tests();
  }
}
