package dev.jamjet.schema.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The known-failures format, as tests/conformance/test_known_failures.py pins it. */
class KnownFailuresTest {
  static final String TAG_LAST = "required.EventKind.workflow_failed.tag-last";
  static final String UPPER = "required.EventKind.tag.upper-case";
  static final Path FILE = Path.of("known-failures.txt");

  @Test
  void theFormat() {
    String text = "# header\n\n" + TAG_LAST + "\n  " + UPPER + "   # why it fails\n";
    assertEquals(Map.of(TAG_LAST, 3, UPPER, 4), KnownFailures.parse(text, FILE).lines());
  }

  @Test
  void formatErrorsNameTheLine() {
    String twice = assertThrows(CorpusException.class, () -> KnownFailures.parse(TAG_LAST + "\n" + TAG_LAST + "\n", FILE)).getMessage();
    assertTrue(twice.endsWith(":2: " + TAG_LAST + " is already listed at line 1"), twice);
    String two = assertThrows(CorpusException.class, () -> KnownFailures.parse(TAG_LAST + " " + UPPER + "\n", FILE)).getMessage();
    assertTrue(two.contains(":1: one fixture id per line"), two);
  }

  @Test
  void thePruneHintDeletesTheLines() {
    KnownFailures known = KnownFailures.parse("# x\n" + TAG_LAST + "\n" + UPPER + "\n", Path.of("my list.txt"));
    assertEquals(
        List.of("Remove these lines from my list.txt:", "  my list.txt:2: " + TAG_LAST, "  my list.txt:3: " + UPPER,
            "or run:", "  sed -i.bak -e 2d -e 3d 'my list.txt'"),
        known.pruneHint(List.of(UPPER, TAG_LAST)));
  }
}
