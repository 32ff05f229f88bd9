package dev.jamjet.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (surefire passes it; the working directory is the fallback). */
final class Repo {
  private Repo() {}

  static Path root() {
    String given = System.getProperty("jamjet.repo");
    Path root = given != null ? Path.of(given) : Path.of("").toAbsolutePath();
    root = root.normalize().toAbsolutePath();
    if (!Files.isDirectory(root.resolve("conformance"))) {
      throw new IllegalStateException("not the repository root: " + root);
    }
    return root;
  }
}
