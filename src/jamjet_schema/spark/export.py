"""The driver's side: the logs read as lines keeping their file and split, judged and
written by the executors (judge.py), then the refused lines numbered and written as
the rejects table by Spark's writer.

Lines are split at line feeds only (`lineSep`), as `validate` splits them, and kept
as bytes (a line that is not UTF-8 is refused as `validate` refuses it). The input is
read once: each split's task counts its lines, and a refused line's number is the
count of its file's earlier splits plus its place in its split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from jamjet_schema.files.errors import Unusable
from jamjet_schema.spark import parts
from jamjet_schema.spark.judge import SCHEMA, file_key, judged

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

# The rejects table: each refused line as `validate` reports it
# (`file:line: [variant] rule: message`), and the field path the message starts with.
REJECTS = ["file", "line", "variant", "rule", "path", "message"]


@dataclass(frozen=True)
class Summary:
    files: int  # log files read
    events: int  # written to the events folder
    rejected: int  # rows of the rejects table


def export_logs(spark: SparkSession, paths: Sequence[str], out: str, rejects: str) -> Summary:
    """Every line of the JSON Lines logs at `paths` (files, folders or globs Spark
    reads) judged as serde would: the accepted events as Parquet of the layout in the
    folder `out` (one part per split, the names in the log's order), the refused lines
    in the Parquet table `rejects` (REJECTS), ordered by file and line. Unusable if an
    output is there already or an input cannot be read."""
    from pyspark import StorageLevel

    uri = parts.output_uri(out)
    parts.prepare(uri)
    _refuse_existing(spark, rejects)
    lines = read_lines(spark, paths)
    files = {file_key(name): n for n, name in enumerate(sorted(lines.inputFiles()))}
    stage = lines.mapInArrow(partial(judged, files=files, out=uri), SCHEMA)
    # kept, so that the parts are written once: later steps read what the tasks handed back
    stage = stage.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        totals = stage.selectExpr("sum(events)", "count(index)").first()  # one row, always
        events, rejected = (totals[0], totals[1]) if totals is not None else (0, 0)
        _numbered(stage).write.parquet(rejects)
    finally:
        stage.unpersist()
    parts.finish(uri)
    return Summary(len(files), int(events or 0), int(rejected))


def read_lines(spark: SparkSession, paths: Sequence[str]) -> DataFrame:
    """(file, block, line): every line of the logs with its file's URI and the first byte
    of its split; blank ones too, which the line numbers count."""
    from pyspark.errors import AnalysisException

    try:
        text = spark.read.option("lineSep", "\n").text(list(paths))
    except AnalysisException as err:
        raise Unusable(_first_line(err)) from None
    return text.selectExpr(
        "_metadata.file_path AS file",
        "_metadata.file_block_start AS block",
        "CAST(value AS BINARY) AS line",
    )


def _numbered(stage: DataFrame) -> DataFrame:
    """The refused lines with their line numbers, ordered by file and line."""
    from pyspark.sql import Window
    from pyspark.sql import functions as f

    earlier = Window.partitionBy("file").orderBy("block")
    splits = stage.where("index IS NULL").select(
        "file", "block", (f.sum("lines").over(earlier) - f.col("lines") + 1).alias("first")
    )
    refused = stage.where("index IS NOT NULL").join(splits, ["file", "block"])
    numbered = refused.withColumn("line", f.col("first") + f.col("index"))
    return numbered.select(*REJECTS).orderBy("file", "line")


def _refuse_existing(spark: SparkSession, path: str) -> None:
    """Before any work: Spark's writer would refuse an existing table only at the end.
    Through the JVM's Hadoop file system, so any path Spark writes is checked."""
    jvm: Any = getattr(spark, "_jvm", None)
    if jvm is None:  # Spark Connect: the writer's own check stands
        return
    hadoop = jvm.org.apache.hadoop.fs.Path(path)
    if hadoop.getFileSystem(spark._jsc.hadoopConfiguration()).exists(hadoop):
        raise Unusable(f"{path}: exists; refusing to write over it")


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0]
