package dev.jamjet.schema.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The differences of two outputs, and errors generalised, as tests/conformance/test_triage.py pins them. */
class CausesTest {
  static Causes causes() throws URISyntaxException {
    Path table = Path.of(CausesTest.class.getResource("corpus/causes.json").toURI());
    return Causes.read(Corpus.tree(table));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock = """
          {"a":1,"b":null}                         | {"a":1}                                     | omits-null
          {"a":[],"b":1}                           | {"b":1}                                     | omits-empty
          {"a":{},"b":1}                           | {"b":1}                                     | omits-empty
          {"a":1}                                  | {"a":1,"b":null}                            | writes-null
          {"a":1,"b":2}                            | {"b":2,"a":1}                               | member-order
          {"a":1.0,"b":1e21}                       | {"a":1,"b":1e+21}                           | float-spelling
          {"a":0.30000000000000004}                | {"a":0.3}                                   | float-value
          {"a":18446744073709551615}               | {"a":18446744073709552000}                  | integer-precision
          {"a":1}                                  | {"a":"1"}                                   | number-as-string
          {"a":"1"}                                | {"a":1}                                     | string-as-number
          {"a":"x"}                                | {"a":1}                                     | string-as-number
          {"t":"2026-01-01T00:00:00.123456789Z"}   | {"t":"2026-01-01T00:00:00.123456Z"}         | timestamp
          {"k":{"type":"node_started"}}            | {"k":{"type":"NodeStarted"}}                | tag
          {"a":"\\u001f<\\u00e9"}                  | {"a":"\\u001F\\u003c\\u00e9"}               | escaping
          {"a":"é","b":null}                       | {"a":"\\u00e9"}                             | escaping omits-null
          {"a":1}                                  | {"a": 1}                                    | spelling
          {"a":1}                                  | {'a':1}                                     | not-json
          {"a":[1,2]}                              | {"a":[1]}                                   | items
          {"a":true}                               | {"a":null}                                  | other-value
          {"a":1}                                  | {"a":1.0}                                   | integer-as-float
          """)
  void whatAnOutputDidOtherwise(String expected, String actual, String keys) throws Exception {
    Set<String> found = causes().outputCauses(expected, actual, null).stream()
        .map(Causes.Cause::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of(keys.split(" "))), found);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock = """
          unknown field \"kind_x\" at line 1 column 20    | unknown field _
          the tag 'type' must come first                 | the tag _ must come first
          expected 12 digits, got 3                      | expected N digits, got N
          "first\\nline" then second\\nline              | _ then second
          """)
  void aSubjectsErrorIsGeneralised(String error, String said) throws Exception {
    assertEquals(said, causes().general(error.replace("\\n", "\n")));
  }
}
