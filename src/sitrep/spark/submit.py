"""The entry point for spark-submit: the arguments of `sitrep spark ingest`.

    spark-submit --master URL .../sitrep/spark/submit.py INPUT... --out OUT [--partitions N]

The master comes from spark-submit (`--master` here only overrides it).
"""

import sys

from sitrep.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", "ingest", *sys.argv[1:]]))
