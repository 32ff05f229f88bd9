package dev.jamjet.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jamjet.schema.JamjetJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Throughput of dev.jamjet:jamjet-schema beside plain Jackson databinding of the same records
 * (PlainRecords), on every line of a JSON Lines event log, timed inside one JVM.
 *
 * <p>{@code java -jar jamjet-bench-java.jar LOG.jsonl [--rounds N] [--warmup N]}: first checks
 * that the exact path writes every line back byte for byte and that the peer reads every line;
 * then warms both up (whole passes, for the JIT), then times {@code rounds} passes of each,
 * interleaved with the order rotating, and keeps each one's best (as benchmarks/timing.py does).
 * Prints one JSON object: the seconds of each contender's best pass, and the facts beside them.
 */
public final class JavaBench {
  /** One contender: what it does to a line, as a number that keeps the work alive. */
  record Contender(String name, ToLongFunction<String> run) {}

  private static long sink; // every pass's checksum lands here, so no work is optimised away

  private JavaBench() {}

  /**
   * The peer's mapper, configured as the runtime's hand-written Java port configures it:
   * snake_case names, nulls left out, java.time as ISO text, unknown members ignored.
   */
  static ObjectMapper plainMapper() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  static List<Contender> contenders(ObjectMapper plain) {
    return List.of(
        new Contender("exact_parse", line -> JamjetJson.parseEvent(line).sequence()),
        new Contender(
            "exact_round_trip", line -> JamjetJson.writeEvent(JamjetJson.parseEvent(line)).length()),
        new Contender("plain_parse", line -> plainRead(plain, line).sequence()),
        new Contender("plain_round_trip", line -> plainWrite(plain, plainRead(plain, line)).length()));
  }

  static PlainRecords.Event plainRead(ObjectMapper plain, String line) {
    try {
      return plain.readValue(line, PlainRecords.Event.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String plainWrite(ObjectMapper plain, PlainRecords.Event event) {
    try {
      return plain.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many lines {@code f} (a parse and write) gives back unchanged; the first that fails
   * names its line. With {@code exact}, a changed line is a failure too.
   */
  static int identical(List<String> lines, String who, UnaryOperator<String> f, boolean exact) {
    int same = 0;
    for (int i = 0; i < lines.size(); i++) {
      String out;
      try {
        out = f.apply(lines.get(i));
      } catch (RuntimeException e) {
        throw new IllegalStateException(who + " failed on line " + (i + 1) + ": " + e.getMessage(), e);
      }
      if (out.equals(lines.get(i))) same++;
      else if (exact) throw new IllegalStateException(who + " changed line " + (i + 1) + ": wrote " + out);
    }
    return same;
  }

  static double pass(Contender c, List<String> lines) {
    System.gc(); // as benchmarks/timing.py collects before each timed pass
    long start = System.nanoTime();
    long sum = 0;
    for (String line : lines) sum += c.run().applyAsLong(line);
    double seconds = (System.nanoTime() - start) / 1e9;
    sink += sum;
    return seconds;
  }

  /** Each contender's best of `rounds` timed passes, the order rotating every round. */
  static Map<String, Double> interleaved(List<Contender> contenders, List<String> lines, int rounds) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (Contender c : contenders) best.put(c.name(), Double.POSITIVE_INFINITY);
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < contenders.size(); k++) {
        Contender c = contenders.get((round + k) % contenders.size());
        best.merge(c.name(), pass(c, lines), Math::min);
      }
    }
    return best;
  }

  static int option(String[] args, String name, int fallback) {
    for (int i = 1; i + 1 < args.length; i++) {
      if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
    }
    return fallback;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java -jar jamjet-bench-java.jar LOG.jsonl [--rounds N] [--warmup N]");
      System.exit(2);
    }
    try {
      System.out.println(run(Path.of(args[0]), option(args, "--rounds", 5), option(args, "--warmup", 3)));
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage()); // a log the contenders cannot read: said, not traced
      System.exit(1);
    }
  }

  /** The checks, the warm-up and the timed rounds over the log; the results as JSON. */
  static String run(Path log, int rounds, int warmup) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) if (!line.isBlank()) lines.add(line);
    ObjectMapper plain = plainMapper();
    int exactSame =
        identical(lines, "the exact path", l -> JamjetJson.writeEvent(JamjetJson.parseEvent(l)), true);
    int plainSame = identical(lines, "plain Jackson", l -> plainWrite(plain, plainRead(plain, l)), false);
    List<Contender> contenders = contenders(plain);
    for (int w = 0; w < warmup; w++) for (Contender c : contenders) pass(c, lines);
    Map<String, Double> best = interleaved(contenders, lines, rounds);
    StringBuilder seconds = new StringBuilder();
    best.forEach((name, s) -> seconds.append(seconds.length() == 0 ? "" : ", ").append('"').append(name).append("\": ").append(s));
    return "{\"events\": " + lines.size() + ", \"rounds\": " + rounds + ", \"warmup\": " + warmup
        + ", \"java\": \"" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + "\", \"jackson\": \"" + PackageVersion.VERSION + "\", \"exact_identical\": " + exactSame
        + ", \"plain_identical\": " + plainSame + ", \"checksum\": " + sink + ", \"seconds\": {" + seconds + "}}";
  }
}
