import dev.jamjet.schema.conformance.JamjetConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The broken copy: fails, its summary grouping the failures by cause. */
class BrokenCopyTest {
  @TestFactory
  Stream<DynamicNode> conformance() {
    return JamjetConformance.of(new BrokenSubject()).tests();
  }
}
