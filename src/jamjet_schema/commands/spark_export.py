"""`jamjet-schema spark-export LOG... --out DIR --rejects DIR [--master URL]`: JSON Lines
logs at any path Spark reads (files, folders, globs; hdfs://, s3a://, file:) given
serde's verdict on Spark's executors, with the native core, a batch at a time.

The accepted events are written to DIR as Parquet of the columnar layout
(generated/arrow/README.md), one part per input split, the names in the log's order;
DIR is written by pyarrow on the executors (a local path, file://, hdfs://, s3:// or
s3a://, gs://, abfs://), which must not hold anything yet. The refused lines go to the
Parquet table --rejects, one row each as `validate` reports it: file (its URI), line,
variant, rule, path (the field path the message starts with) and message.

Needs pyspark (`pip install 'jamjet-schema[spark]'`) and Java; the executors need the
package too. --master defaults to what spark-submit or the environment sets, else
local[*]. Exit 1 if some line was refused, 2 if an input or output cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jamjet_schema.files.errors import Unusable
from jamjet_schema.logs.summary import counted, exported_summary


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "spark-export",
        help="judge JSON Lines logs on Spark; the events as Parquet, the refused lines as a table",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("logs", nargs="+", metavar="LOG", help="files, folders or globs")
    parser.add_argument("--out", required=True, metavar="DIR", help="the events' folder")
    parser.add_argument("--rejects", required=True, metavar="DIR", help="the rejects table")
    parser.add_argument("--master", metavar="URL", help="Spark's master (local[2], yarn, ...)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise Unusable("needs pyspark: pip install 'jamjet-schema[spark]'") from None
    from jamjet_schema.spark import export_logs

    builder = SparkSession.builder.appName("jamjet-schema spark-export")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")  # Spark's own chatter; errors still say
    try:
        done = export_logs(spark, args.logs, args.out, args.rejects)
    finally:
        spark.stop()
    files = counted(done.files, "file")
    print(f"{exported_summary(done.events, done.rejected)} ({files})", file=sys.stderr)
    return 1 if done.rejected else 0
