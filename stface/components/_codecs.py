"""Decoding and encoding media, with limits. Pure: numpy, soundfile, Pillow.

Every decoder turns a failure into ``stface.Error`` with a message a person
can act on, and checks sizes from the file header before decoding, so a
small file that claims a huge image or a very long recording costs nothing.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from stface.errors import Error

__all__ = [
    "AudioClip",
    "MediaFile",
    "decode_audio",
    "decode_image",
    "encode_png",
    "encode_wav",
    "image_from_array",
    "max_audio_seconds",
    "max_image_pixels",
    "resize_and_crop",
    "to_int16",
]

AUDIO_TYPES = ["wav", "flac", "ogg", "mp3"]
IMAGE_TYPES = ["png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff"]


def max_image_pixels() -> int:
    """Largest image (width x height) decoded; ``STFACE_MAX_IMAGE_PIXELS`` overrides 50 MP."""
    return int(os.environ.get("STFACE_MAX_IMAGE_PIXELS", 50_000_000))


def max_audio_seconds() -> float:
    """Longest audio decoded; ``STFACE_MAX_AUDIO_SECONDS`` overrides 600 s."""
    return float(os.environ.get("STFACE_MAX_AUDIO_SECONDS", 600))


@dataclass(frozen=True)
class MediaFile:
    """An uploaded file: its (cleaned) name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class AudioClip:
    """Audio as Gradio passes it: a rate and samples shaped (samples,) or (samples, channels)."""

    sample_rate: int
    samples: np.ndarray

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


def _source(value: Any) -> tuple[Any, str]:
    """A file-like or path for decoders, and a name for messages."""
    if isinstance(value, MediaFile):
        return io.BytesIO(value.data), value.name
    if isinstance(value, (bytes, bytearray)):
        return io.BytesIO(bytes(value)), "the file"
    if isinstance(value, (str, os.PathLike)):
        # Paths reach here from the app's own code (inputs given to demo(...),
        # examples) or after an output's ``servable_path`` check.
        path = Path(value)
        if not path.is_file():
            raise Error(f"'{path.name}' is not an existing file.")
        return str(path), path.name
    raise Error(f"Expected a media file, got {type(value).__name__}.")


# -- audio ---------------------------------------------------------------------


def decode_audio(value: Any, *, max_seconds: float | None = None) -> AudioClip:
    """WAV / FLAC / OGG / MP3 bytes or path -> int16 :class:`AudioClip`."""
    source, name = _source(value)
    limit = max_audio_seconds() if max_seconds is None else max_seconds
    try:
        info = sf.info(source)
        if info.samplerate <= 0:
            raise Error(f"'{name}' has a sample rate of {info.samplerate}; it is not playable audio.")
        if info.duration > limit:
            raise Error(f"'{name}' is {info.duration:.0f} s long; the limit is {limit:.0f} s. Upload a shorter clip.")
        if hasattr(source, "seek"):
            source.seek(0)
        samples, rate = sf.read(source, dtype="int16", always_2d=False)
    except Error:
        raise
    except Exception as exc:  # noqa: BLE001 - libsndfile raises several types
        raise Error(
            f"Could not read '{name}' as audio ({exc.__class__.__name__}). "
            f"Upload a {', '.join(AUDIO_TYPES[:-1]).upper()} or {AUDIO_TYPES[-1].upper()} file."
        ) from None
    return AudioClip(int(rate), samples)


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Samples of any dtype as int16, the way Gradio hands audio to fn."""
    samples = np.asarray(samples)
    if samples.dtype == np.int16:
        return samples
    if np.issubdtype(samples.dtype, np.floating):
        peak = float(np.max(np.abs(samples))) if samples.size else 0.0
        scaled = samples / peak if peak > 1.0 else samples
        return np.clip(np.round(scaled * 32767), -32768, 32767).astype(np.int16)
    if samples.dtype == np.int32:
        return (samples >> 16).astype(np.int16)
    if samples.dtype == np.uint8:
        return ((samples.astype(np.int16) - 128) << 8).astype(np.int16)
    if samples.dtype == np.int8:
        return (samples.astype(np.int16) << 8).astype(np.int16)
    if samples.dtype == np.uint16:
        return (samples.astype(np.int32) - 32768).astype(np.int16)
    raise Error(f"Audio samples of dtype {samples.dtype} are not supported; use int16, int32 or float.")


def audio_clip(value: Any) -> AudioClip:
    """A ``(sample_rate, samples)`` tuple -> checked :class:`AudioClip`."""
    if isinstance(value, AudioClip):
        return value
    if not (isinstance(value, (tuple, list)) and len(value) == 2):
        raise Error("Audio must be (sample_rate, numpy array), a file path, or audio file bytes.")
    rate, samples = value
    samples = np.asarray(samples)
    if isinstance(rate, bool) or not isinstance(rate, (int, np.integer)) or int(rate) <= 0:
        raise Error(f"Audio sample rate must be a positive integer; got {rate!r}.")
    if samples.ndim not in (1, 2) or samples.size == 0:
        raise Error(f"Audio samples must be shaped (samples,) or (samples, channels); got shape {samples.shape}.")
    if samples.ndim == 2 and samples.shape[0] <= 8 < samples.shape[1]:
        samples = samples.T  # (channels, samples), as some libraries give it
    if np.issubdtype(samples.dtype, np.floating) and not np.all(np.isfinite(samples)):
        raise Error("Audio samples contain NaN or infinity.")
    return AudioClip(int(rate), samples)


def encode_wav(clip: AudioClip) -> bytes:
    """WAV bytes that sound like the clip: no transposing, no rescaling of ints."""
    samples = clip.samples
    subtype = {np.dtype(np.int16): "PCM_16", np.dtype(np.int32): "PCM_32"}.get(samples.dtype)
    if samples.dtype == np.uint8:  # soundfile writes 8-bit WAV from int16 data
        samples, subtype = to_int16(samples), "PCM_U8"
    elif subtype is None:
        if np.issubdtype(samples.dtype, np.floating):
            peak = float(np.max(np.abs(samples))) if samples.size else 0.0
            samples = (samples / peak if peak > 1.0 else samples).astype(np.float32)
            subtype = "FLOAT"
        else:
            samples, subtype = to_int16(samples), "PCM_16"
    buffer = io.BytesIO()
    sf.write(buffer, samples, clip.sample_rate, format="WAV", subtype=subtype)
    return buffer.getvalue()


# -- images --------------------------------------------------------------------


_DECODED: ContextVar[dict[int, tuple[Any, int | None, PILImage.Image]] | None] = ContextVar("decoded", default=None)


@contextmanager
def decoding_once() -> Iterator[None]:
    """Within the block, ``decode_image`` decodes each payload object once.

    An interpretation reads an upload twice (the input fn gets, the picture
    it segments); the block is one call, so nothing is kept across requests.
    """
    token = _DECODED.set({})
    try:
        yield
    finally:
        _DECODED.reset(token)


def decode_image(value: Any, *, max_pixels: int | None = None) -> PILImage.Image:
    """Image bytes or path -> loaded PIL image, refusing bombs and broken files."""
    if isinstance(value, PILImage.Image):
        return value
    if isinstance(value, np.ndarray):
        return image_from_array(value)
    decoded = _DECODED.get()
    if decoded is None:
        return _decode_image(value, max_pixels)
    seen = decoded.get(id(value))
    if seen is None or seen[0] is not value or seen[1] != max_pixels:
        image = _decode_image(value, max_pixels)
        decoded[id(value)] = (value, max_pixels, image.copy())  # kept apart: fn may draw on what it gets
        return image
    return seen[2].copy()


def _decode_image(value: Any, max_pixels: int | None) -> PILImage.Image:
    source, name = _source(value)
    limit = max_image_pixels() if max_pixels is None else max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(source)
            width, height = image.size
            if width * height > limit:
                raise Error(
                    f"'{name}' is {width}x{height} pixels; the limit is {limit:,} pixels. Upload a smaller image."
                )
            image.load()
    except Error:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise Error(f"'{name}' claims to be too large to decode safely. Upload a smaller image.") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise Error(
            f"Could not read '{name}' as an image ({exc.__class__.__name__}). Upload a PNG, JPEG, GIF, WebP or BMP file."
        ) from None
    return image


def image_from_array(array: Any) -> PILImage.Image:
    """A numpy image (uint8, bool, other ints 0..255, or floats 0..1) -> PIL image."""
    array = np.asarray(array)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (3, 4)) or array.size == 0:
        raise Error(f"An image array must be (H, W), (H, W, 3) or (H, W, 4); got shape {array.shape}.")
    if array.dtype == bool:
        array = array.astype(np.uint8) * 255
    elif np.issubdtype(array.dtype, np.floating):
        if not np.all(np.isfinite(array)) or array.min() < 0 or array.max() > 1:
            raise Error("A float image array must hold values between 0 and 1; scale it or use uint8 (0..255).")
        array = np.round(array * 255).astype(np.uint8)
    elif array.dtype == np.uint16:
        array = (array >> 8).astype(np.uint8)
    elif array.dtype != np.uint8:
        if array.min() < 0 or array.max() > 255:
            raise Error(f"An integer image array must hold values 0..255; got {array.min()}..{array.max()}.")
        array = array.astype(np.uint8)
    return PILImage.fromarray(array)


def encode_png(image: PILImage.Image) -> bytes:
    """PNG bytes of a PIL image (for temp files, flags and remote calls)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def resize_and_crop(image: PILImage.Image, size: tuple[int | None, int | None]) -> PILImage.Image:
    """Gradio 3's ``shape=(w, h)``: scale to cover, then crop the centre."""
    width = size[0] if size[0] is not None else image.size[0]
    height = size[1] if size[1] is not None else image.size[1]
    return ImageOps.fit(image, (int(width), int(height)), centering=(0.5, 0.5))
