package dev.jamjet.schema.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where two outputs first differ, as tests/conformance/test_triage.py pins it. */
class DifferenceTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock = """
          {"a":1,"b":{"c":[1,2.0]}} | {"a":1,"b":{"c":[1,2]}} | at $.b.c[1]: expected 2.0, got 2
          {"a":1,"b":2}             | {"b":2,"a":1}           | at $ (member 1): expected "a":1, got "b":2
          {"a":1,"b":null}          | {"a":1}                 | at $ (member 2): expected "b":null, got no more members
          {"a":[1]}                 | {"a":[1,2]}             | at $.a[1]: expected no more items, got 2
          {"a b":"x"}               | {"a b":"y"}             | at $["a b"]: expected "x", got "y"
          {"a":"1"}                 | {"a":1}                 | at $.a: expected "1", got 1
          {"a":"\\u00e9"}           | {"a":"é"}               | at character 6 (the same JSON value, spelt differ
          {"a":1}                   | {'a':1}                 | at character 1 (the actual output is not JSON)
          """)
  void theFirstDifference(String expected, String actual, String shown) {
    String found = Difference.first(expected, actual).toString();
    assertTrue(found.startsWith("first difference " + shown), found);
  }
}
