import dev.jamjet.schema.conformance.JamjetConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** serde_json 1.0.146's floats, judged by that era's answers: passes. */
class EraTest {
  @TestFactory
  Stream<DynamicNode> conformance() {
    return JamjetConformance.of(new RyuSubject()).serdeJsonEra("1.0.146").tests();
  }
}
