#!/usr/bin/env python3
"""Seed 000's baseline: Pi by Monte-Carlo on one machine, without Spark (Python 3).

Draws n points uniformly in the square [-1, 1) x [-1, 1); the share inside the unit
circle is Pi / 4. Prints the seed's line, e.g.
    Python estimated Pi at 3.141444 in 13.430613 seconds
"""
from functools import reduce
from operator import add
from random import random
from time import perf_counter

MSG = "Python estimated Pi at %f in %f seconds"

n = 1000000


def f(_):
    x = random() * 2 - 1
    y = random() * 2 - 1
    return 1 if x ** 2 + y ** 2 < 1 else 0


def main():
    start = perf_counter()
    count = reduce(add, map(f, range(1, n + 1)))
    end = perf_counter()
    print(MSG % (4.0 * count / n, end - start))


if __name__ == "__main__":
    main()
