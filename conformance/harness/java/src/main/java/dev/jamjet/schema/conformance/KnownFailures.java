package dev.jamjet.schema.conformance;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A known-failures file (conformance/known-failures/README.md): one fixture id per line, {@code
 * #} starts a comment, blank lines ignored. A listed fixture that fails is expected; one that
 * passes, or an id naming no fixture, fails the run with the lines to remove.
 */
record KnownFailures(Path path, Map<String, Integer> lines) {
  static KnownFailures load(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (CharacterCodingException e) {
      throw new CorpusException("cannot read the known-failures file " + path + ": not UTF-8");
    } catch (IOException e) {
      throw new CorpusException("cannot read the known-failures file " + path + ": " + e);
    }
    return parse(text, path);
  }

  static KnownFailures parse(String text, Path path) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    String[] raw = Texts.lines(text);
    for (int number = 1; number <= raw.length; number++) {
      String entry = Texts.strip(raw[number - 1].split("#", 2)[0]);
      if (entry.isEmpty()) continue;
      if (Texts.words(entry).size() != 1) {
        throw new CorpusException(path + ":" + number + ": one fixture id per line, got '" + entry + "'");
      }
      Integer before = lines.putIfAbsent(entry, number);
      if (before != null) throw new CorpusException(path + ":" + number + ": " + entry + " is already listed at line " + before);
    }
    return new KnownFailures(path, lines);
  }

  boolean contains(String id) {
    return lines.containsKey(id);
  }

  /** Where an id is listed: FILE:LINE. */
  String where(String id) {
    return path + ":" + lines.get(id);
  }

  /** The lines to delete and a command that deletes them (BSD and GNU sed alike). */
  List<String> pruneHint(Collection<String> stale) {
    Map<Integer, String> byNumber = new TreeMap<>();
    for (String id : stale) byNumber.put(lines.get(id), id);
    List<String> out = new ArrayList<>();
    if (byNumber.isEmpty()) return out;
    out.add("Remove these lines from " + path + ":");
    byNumber.forEach((n, id) -> out.add("  " + path + ":" + n + ": " + id));
    StringBuilder script = new StringBuilder();
    for (int n : byNumber.keySet()) script.append(script.length() == 0 ? "" : " ").append("-e ").append(n).append('d');
    out.add("or run:");
    out.add("  sed -i.bak " + script + " " + Texts.shellQuote(path.toString()));
    return out;
  }
}
