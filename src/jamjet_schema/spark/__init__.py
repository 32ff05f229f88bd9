"""The event log on Spark: JSON Lines logs at any Hadoop-compatible path, every line
given serde's verdict on the executors, the accepted events written as Parquet of the
columnar layout and the refused lines as a rejects table.

    from jamjet_schema.spark import export_logs
    summary = export_logs(spark, ["hdfs:///logs/"], "hdfs:///events", "hdfs:///rejects")

`jamjet-schema spark-export` runs it from the command line (docs/analytics.md,
"Spark"). pyspark is imported only by what runs Spark: the package never needs it.
"""

from __future__ import annotations

from jamjet_schema.spark.export import Summary, export_logs

__all__ = ["Summary", "export_logs"]
