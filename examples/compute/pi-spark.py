#!/usr/bin/env python3
"""Seed 000's Spark job: the same Monte-Carlo Pi, its points spread over partitions.

    bramble compute submit pi-spark.py 24

The first argument, when it is a master URL (spark://..., local...), is the master as in
the seed ('spark-submit pi-spark.py $SPARK_MASTER_URL 24'); under 'bramble compute submit'
the pool's master is already set, so the number of partitions may come first. Prints the
seed's line, e.g.
    Spark estimated Pi at 3.143368 in 0.720023 seconds using 24 partitions

Needs pyspark's Python sources (pip install pyspark==4.2.0): see docs/compute.md.
"""
from operator import add
from random import random
from sys import argv
from time import perf_counter

from pyspark import SparkConf, SparkContext

APP_NAME = "MonteCarloPi"
MSG = "Spark estimated Pi at %f in %f seconds using %i partitions"

args = argv[1:]
master = args.pop(0) if args and ("://" in args[0] or args[0].startswith("local")) else None
partitions = int(args[0]) if args else 2

n = 1000000


def f(_):
    x = random() * 2 - 1
    y = random() * 2 - 1
    return 1 if x ** 2 + y ** 2 < 1 else 0


def main(sc):
    start = perf_counter()
    tries = sc.parallelize(range(1, n + 1), partitions).map(f)
    count = tries.reduce(add)
    end = perf_counter()
    print(MSG % (4.0 * count / n, end - start, partitions))


if __name__ == "__main__":
    conf = SparkConf().setAppName(APP_NAME)
    if master:
        conf.setMaster(master)
    sc = SparkContext(conf=conf)
    main(sc)
    sc.stop()
