"""Sessions: regenerate, check, tests, lint, release, browser, spark, bench. `nox -l` lists them.

Every session installs what it needs itself, so a fresh machine with only the
toolchains (Python, cargo, node, Java with Maven) can run any of them.
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["check", "lint", "tests"]

PYTHON = "3.11"


def _install(session: nox.Session) -> None:
    # builds the native core too (hatch_build.py runs maturin; cargo is on the machine)
    session.install("-e", ".[dev,bench]")
    session.run("python", "-c", _NATIVE_IN_USE)


_NATIVE_IN_USE = (
    "import jamjet_schema, sys; "
    "sys.exit(None if jamjet_schema.native_available() else 'the native core did not build')"
)

# The suites that run again on the pure-Python path (JAMJET_SCHEMA_NATIVE=0): the
# corpus, the differential and fast-path suites, the models, the log and store commands,
# the columnar export, the docs.
PURE_PYTHON_SUITES = [
    "tests/python",
    "tests/conformance",
    "tests/logs",
    "tests/store",
    "tests/columnar",
    "tests/test_docs.py",
]


# The Java module (generated/java) and its suite (tests/java/suite: testee, tests), one
# reactor; every build compiles with -Xlint:all -Werror. Maven fetches what it needs.
_MAVEN = ["mvn", "-B", "-q", "-f", "tests/java"]


_ERA_WORKSPACES = [
    ["--manifest-path", f"{era}/Cargo.toml", "--target-dir", f"target/{era.name}"]
    for era in sorted(Path("reference").glob("era-*"))
]


def _build_rust(session: nox.Session) -> None:
    session.run("cargo", "build", "--release", "--locked", "--quiet", external=True)
    # the reference built with older serde_json releases (reference/era-*/, each its own
    # workspace and Cargo.lock, target/era-*/): the corpus's era files are recorded from them
    session.run("python", "-m", "codegen.corpus.era_builds")


@nox.session(python=PYTHON)
def regenerate(session: nox.Session) -> None:
    """Schema -> model -> every emitter -> generated/; then the corpus, as the reference answers."""
    _install(session)
    session.run("python", "-m", "codegen")
    _build_rust(session)
    # the wire constants only Rust can say (reference/wire-constants.json), then the
    # code again in case they changed
    session.run("python", "-m", "codegen.rust_facts")
    session.run("python", "-m", "codegen")
    session.run("python", "-m", "codegen.corpus")
    # The TypeScript package and its testee; tests/typescript holds the pinned toolchain.
    session.run("npm", "ci", "--prefix", "tests/typescript", "--no-audit", external=True)
    session.run("npm", "run", "build", "--prefix", "tests/typescript", external=True)
    session.run(*_MAVEN, "package", "-DskipTests", external=True)


@nox.session(python=PYTHON)
def check(session: nox.Session) -> None:
    """Fails if generated/ or the corpus is not exactly what the schema and the reference give."""
    _install(session)
    session.run("python", "-m", "codegen", "--check")
    _build_rust(session)
    session.run("python", "-m", "codegen.rust_facts", "--check")
    session.run("python", "-m", "codegen.corpus", "--check")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole suite: pytest, cargo test (the Rust reference), node --test (TypeScript)."""
    _install(session)
    _build_rust(session)
    session.run("cargo", "test", "--release", "--locked", "--quiet", external=True)
    # the native core's own unit tests (its Arrow builders), linked against this Python
    session.run(
        "cargo",
        "test",
        "-p",
        "jamjet-schema-native",
        "--release",
        "--locked",
        "--quiet",
        external=True,
    )
    # builds generated/typescript and the `typescript` testee, then runs tests/typescript
    session.run("npm", "ci", "--prefix", "tests/typescript", "--no-audit", external=True)
    session.run("npm", "test", "--prefix", "tests/typescript", "--silent", external=True)
    # builds generated/java and the `java` testee, then runs the Surefire suites
    session.run(*_MAVEN, "verify", external=True)
    session.run("pytest", *session.posargs)
    if not session.posargs:
        session.run("pytest", "-q", *PURE_PYTHON_SUITES, env={"JAMJET_SCHEMA_NATIVE": "0"})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff, mypy --strict on hand-written Python, tsc strict, rustfmt and clippy on Rust."""
    _install(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    # tsc --noEmit on generated/typescript, then on tests/typescript against its declarations
    session.run("npm", "ci", "--prefix", "tests/typescript", "--no-audit", external=True)
    session.run("npm", "run", "lint", "--prefix", "tests/typescript", "--silent", external=True)
    session.run(*_MAVEN, "test-compile", external=True)  # javac -Xlint:all -Werror
    # the root workspace, then each era workspace (reference/era-*/, its own Cargo.lock)
    for workspace in [[], *_ERA_WORKSPACES]:
        session.run("cargo", "fmt", "--all", "--check", *workspace[:2], external=True)
        session.run(
            "cargo",
            "clippy",
            "--release",
            "--locked",
            "--workspace",
            "--all-targets",
            "--quiet",
            *workspace,
            "--",
            "-D",
            "warnings",
            external=True,
        )


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """The release artifacts into dist/: the corpus archive (codegen/corpus/archive.py)
    and the portable wheel, abi3 (one wheel for CPython 3.11 and later) and
    manylinux2014 (linked by zig), checked by auditwheel and installed into another
    CPython (tests/install)."""
    session.install("hatchling>=1.27", "maturin>=1.8,<2", "ziglang", "build", "auditwheel")
    session.install("pytest")
    out = Path("dist")
    # the archive is built by codegen (which reads the schema with the package's wire model)
    session.install("-e", ".[dev]", env={"JAMJET_SCHEMA_BUILD_NATIVE": "0"})
    session.run("python", "-m", "codegen.corpus.archive", str(out))
    for old in out.glob("jamjet_schema-*.whl"):
        old.unlink()
    env = {"JAMJET_SCHEMA_MANYLINUX": "manylinux2014"}
    session.run("python", "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), env=env)
    (built,) = out.glob("jamjet_schema-*.whl")
    session.run("auditwheel", "show", str(built))
    # --noconftest: the suite's conftest needs the package installed here, which it is not
    wheel = {"JAMJET_WHEEL": str(built.resolve())}
    session.run("pytest", "-q", "--noconftest", "tests/install", env=wheel)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """@jamjet/schema bundled by esbuild and run in headless Chromium (Debian's `chromium`):
    the corpus and a realistic log get Node's answers and serde's bytes; the README's
    bundle sizes are this build's (tests/browser)."""
    # the realistic log (benchmarks.loggen) needs the package, not its native core
    session.install("-e", ".[dev]", env={"JAMJET_SCHEMA_BUILD_NATIVE": "0"})
    log = "tests/browser/build/realistic.jsonl"
    session.run("python", "-m", "benchmarks.loggen", "--realistic", "--events", "2000", "-o", log)
    # the package as built by its pinned toolchain, then the browser test's own packages
    session.run("npm", "ci", "--prefix", "tests/typescript", "--no-audit", external=True)
    session.run("npm", "run", "build", "--prefix", "tests/typescript", "--silent", external=True)
    session.run("npm", "ci", "--prefix", "tests/browser", "--no-audit", external=True)
    session.run("npm", "test", "--prefix", "tests/browser", "--silent", external=True)


@nox.session(python=PYTHON)
def spark(session: nox.Session) -> None:
    """jamjet_schema.spark (`jamjet-schema spark-export`) on Spark in local mode, local[2]
    on the machine's JVM (Java 17 or later): the Parquet rows it writes are export's, its
    rejects table is what validate reports (tests/spark)."""
    session.install("-e", ".[dev,spark]")  # pyspark is big: only this session has it
    session.run("python", "-c", _NATIVE_IN_USE)
    session.run("pytest", "-q", "tests/spark", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Throughput against msgspec, json.loads, python-jsonschema, the Rust reference,
    (for the Java package) plain Jackson databinding and (for the TypeScript package)
    JSON.parse and zod 4; writes docs/benchmarks.md.
    `nox -s bench -- --quick` for a short run."""
    _install(session)
    _build_rust(session)
    # the Java harness (tests/java/bench) and the package it measures
    session.run(*_MAVEN, "package", "-DskipTests", external=True)
    # the TypeScript package (built with tests/typescript's pinned compiler) and the
    # harness that times it beside zod (benchmarks/typescript, its own lockfile)
    session.run("npm", "ci", "--prefix", "tests/typescript", "--no-audit", external=True)
    session.run("npm", "run", "build", "--prefix", "tests/typescript", external=True)
    session.run("npm", "ci", "--prefix", "benchmarks/typescript", "--no-audit", external=True)
    # the same harness in headless Chromium (tests/browser bundles and drives it)
    session.run("npm", "ci", "--prefix", "tests/browser", "--no-audit", external=True)
    session.run("npm", "run", "build", "--prefix", "tests/browser", "--silent", external=True)
    args = session.posargs or ["--output", "docs/benchmarks.md"]
    session.run("python", "-m", "benchmarks.bench", *args)
