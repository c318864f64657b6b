"""Toy models shared by the interpretation tests (the text and image ones are bench/workloads.py's)."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from workloads import gender, redness

__all__ = ["gender", "half_red", "loud_start", "loudness", "redness"]


def half_red(height, width):
    """A black picture whose left half is red."""
    image = np.zeros((height, width, 3), dtype=np.uint8)
    image[:, : width // 2] = (255, 0, 0)
    return image


def loud_start():
    """One second of 8 kHz audio with all its energy in the first of eight segments."""
    samples = np.zeros(8000, dtype=np.int16)
    samples[:1000] = 10000
    return 8000, samples


def loudness(audio):
    """Audio -> Label: how loud the clip is."""
    loud = min(1.0, 6 * float(np.abs(audio[1].astype(float)).mean()) / 10000)
    return {"loud": loud, "quiet": 1 - loud}
