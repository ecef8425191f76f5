"""sitrep on Apache Spark: the same pipeline over an archive, in partitions, to Parquet
(`sitrep spark ingest`; docs/scale.md)."""
