"""The `jamjet-schema` command. Each subcommand lives in jamjet_schema/commands/<name>.py
and registers itself through `register(subparsers)`; this module wires them up and
gives every command the same voice and exit statuses:

- 0 done, nothing found; 1 done, and bad records (or a failed check) found; 2 the
  command could not do its job (an input or output it cannot use, bad arguments):
  one line on stderr, `jamjet-schema COMMAND: what: why`.
- A closed output pipe (`| head`) ends the command quietly, as Unix tools do (status
  141, as if killed by SIGPIPE); Ctrl-C ends it with 130 and SIGTERM with 143, each
  after removing any output file it was writing (files.outputs).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import FrameType

from jamjet_schema._version import __version__
from jamjet_schema.files.errors import Unusable

EXIT_UNUSABLE = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_PIPE_CLOSED = 128 + signal.SIGPIPE
EXIT_TERMINATED = 128 + signal.SIGTERM

# Subcommand modules, in the order `--help` lists them.
COMMANDS = [
    "validate",
    "canonicalize",
    "export",
    "spark-export",
    "check-store",
    "conformance",
    "testee",
    "diff",
]


class Parser(argparse.ArgumentParser):
    """The top-level parser, which knows its subcommands' parsers."""

    commands: Mapping[str, argparse.ArgumentParser]

    def parse_command(self, words: list[str]) -> argparse.Namespace:
        """The arguments; a word no parser knows is the subcommand's usage error, in its
        voice (`jamjet-schema validate: error: ...`), not the top-level parser's."""
        args, extra = self.parse_known_args(words)
        if extra:
            self.commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
        return args


def build_parser(only: str | None = None) -> Parser:
    """The parser of every subcommand, or of `only` (its module alone is imported)."""
    parser = Parser(
        prog="jamjet-schema",
        description="The wire contract of the JamJet event log.",
    )
    parser.add_argument("--version", action="version", version=f"jamjet-schema {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        module = name.replace("-", "_")
        importlib.import_module(f"jamjet_schema.commands.{module}").register(subparsers)
    parser.commands = subparsers.choices
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # The first word naming a subcommand is it (options come after it): only that
    # module is loaded, so `validate` starts without the conformance runner.
    chosen = next((word for word in words if word in COMMANDS), None)
    args = build_parser(chosen).parse_command(words)
    with _terminate_as_exit():
        try:
            code: int = args.run(args)
            sys.stdout.flush()
        except Unusable as err:
            print(f"jamjet-schema {args.command}: {err}", file=sys.stderr)
            return EXIT_UNUSABLE
        except BrokenPipeError:
            _discard_stdout()
            return EXIT_PIPE_CLOSED
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except OSError as err:  # inputs and output files say so themselves: this is stdout
            _discard_stdout()
            where = err.filename or "standard output"
            print(f"jamjet-schema {args.command}: {where}: {err.strerror}", file=sys.stderr)
            return EXIT_UNUSABLE
    return code


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C (SystemExit), so outputs being written are removed."""

    def exit_now(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(EXIT_TERMINATED)

    try:
        previous = signal.signal(signal.SIGTERM, exit_now)
    except ValueError:  # not the main thread: leave signals to whoever owns them
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _discard_stdout() -> None:
    """Whatever is still buffered for a stdout that failed goes nowhere, not to a second
    error at interpreter exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (a test's capture): nothing to discard
        pass


if __name__ == "__main__":
    sys.exit(main())
