"""The recorder's frame handling, with frames shaped as PyAV hands them."""

import time
from types import SimpleNamespace

import numpy as np

from stface.runtime.widgets.microphone import Recording, frame_samples


def frame(samples: np.ndarray, *, planar: bool, channels: int = 2, rate: int = 48000):
    return SimpleNamespace(
        to_ndarray=lambda: samples,
        layout=SimpleNamespace(channels=[0] * channels),
        format=SimpleNamespace(is_planar=planar),
        sample_rate=rate,
    )


def test_packed_and_planar_frames_become_samples_by_channels():
    left, right = np.arange(4, dtype=np.int16), -np.arange(4, dtype=np.int16)
    packed = np.stack([left, right], axis=1).reshape(1, -1)
    planar = np.stack([left, right])
    assert np.array_equal(frame_samples(packed, 2, planar=False), np.stack([left, right], axis=1))
    assert np.array_equal(frame_samples(planar, 2, planar=True), np.stack([left, right], axis=1))


def test_identical_stereo_channels_come_back_as_mono_int16():
    recording = Recording()
    mono = (np.sin(np.arange(960) / 10) * 0.5).astype(np.float32)
    for _ in range(3):
        recording.on_frame(frame(np.stack([mono, mono]), planar=True))
    clip = recording.take()
    assert clip.sample_rate == 48000 and clip.samples.dtype == np.int16 and clip.samples.shape == (2880,)
    assert recording.take() is None  # taken once


def test_a_new_take_after_a_pause_drops_an_uncollected_one(monkeypatch):
    recording = Recording()
    now = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    recording.on_frame(frame(np.ones((1, 960), dtype=np.int16), planar=False, channels=1))
    now[0] += 5  # Stop, then Start again later
    recording.on_frame(frame(np.full((1, 480), 2, dtype=np.int16), planar=False, channels=1))
    clip = recording.take()
    assert clip.samples.shape == (480,) and set(clip.samples.tolist()) == {2}
