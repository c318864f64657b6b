"""The fn both live webcam apps run (bench/streaming.py): flip each frame upside down, counting calls.

Each call appends fn's clock to the file named by STFACE_BENCH_LOG, so the
bench counts the frames that reached fn, whichever system delivered them.
"""

import os
import time

import numpy as np

LOG = os.environ.get("STFACE_BENCH_LOG", os.devnull)


def flip(frame):
    with open(LOG, "a") as log:
        log.write(f"{time.monotonic()}\n")
    return np.flipud(frame)
