"""Real media bytes for tests: tones, images, and broken files of each kind."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import soundfile as sf
from PIL import Image


def tone(seconds: float = 0.5, rate: int = 8000, freq: float = 440.0, channels: int = 1) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    wave = (np.sin(2 * np.pi * freq * t) * 12000).astype(np.int16)
    return wave if channels == 1 else np.stack([wave] * channels, axis=1)


def audio_bytes(samples: np.ndarray, rate: int = 8000, fmt: str = "WAV", subtype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    sf.write(buffer, samples, rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def png_bytes(width: int = 40, height: int = 30, colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A valid small PNG whose header claims another size (a decompression bomb's shape)."""
    data = bytearray(png_bytes(4, 4))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def wav_with_rate(rate: int) -> bytes:
    """A WAV file whose header says ``rate`` samples per second."""
    data = bytearray(audio_bytes(tone(0.1)))
    data[24:28] = struct.pack("<I", rate)
    return bytes(data)
