import os

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from media_samples import audio_bytes, tone, wav_with_rate

import stface as gr
from stface.paths import stface_temp_dir
from stface.components._codecs import AudioClip, MediaFile, encode_wav


def wav(samples, rate=8000, **kw):
    return MediaFile("clip.wav", audio_bytes(samples, rate, **kw))


def test_upload_becomes_rate_and_int16_samples():
    rate, samples = gr.Audio().preprocess(wav(tone()))
    assert rate == 8000 and samples.dtype == np.int16 and samples.shape == (4000,)


def test_stereo_upload_is_samples_by_channels():
    rate, samples = gr.Audio().preprocess(wav(tone(channels=2)))
    assert samples.shape == (4000, 2)


@pytest.mark.parametrize(("fmt", "subtype"), [("FLAC", None), ("OGG", "VORBIS"), ("MP3", None), ("WAV", "PCM_24")])
def test_other_formats_decode(fmt, subtype):
    rate, samples = gr.Audio().preprocess(MediaFile(f"clip.{fmt.lower()}", audio_bytes(tone(1.0, 16000), 16000, fmt, subtype)))
    assert rate == 16000 and samples.dtype == np.int16
    assert abs(len(samples) - 16000) < 2000  # MP3 pads a little


def test_filepath_type_writes_a_wav_in_stfaces_temp_folder():
    path = gr.Audio(type="filepath").preprocess(wav(tone()))
    assert path.endswith(".wav") and Path(path).resolve().is_relative_to(stface_temp_dir())
    samples, rate = sf.read(path, dtype="int16")
    assert rate == 8000 and len(samples) == 4000


@pytest.mark.parametrize(
    "samples",
    [
        tone(),
        tone().astype(np.int32) << 16,
        tone().astype(np.float32) / 32768,
        tone().astype(np.float64) / 32768,
        tone(channels=2),
    ],
    ids=["int16", "int32", "float32", "float64", "stereo"],
)
def test_tuples_of_every_dtype_become_int16(samples):
    rate, converted = gr.Audio().preprocess((8000, samples))
    assert converted.dtype == np.int16
    assert converted.shape == samples.shape
    assert abs(int(converted.max()) - 12000) < 50


def test_channels_first_arrays_are_transposed():
    rate, converted = gr.Audio().preprocess((8000, tone(channels=2).T))
    assert converted.shape == (4000, 2)


@pytest.mark.parametrize(
    ("dtype", "subtype"), [(np.int16, "PCM_16"), (np.int32, "PCM_32"), (np.float32, "FLOAT"), (np.uint8, "PCM_U8")]
)
def test_encoded_wav_keeps_the_sound(dtype, subtype):
    if dtype == np.uint8:
        samples = (tone() // 256 + 128).astype(np.uint8)
    elif dtype == np.float32:
        samples = tone().astype(np.float32) / 32768
    else:
        samples = tone().astype(dtype)
    data = encode_wav(AudioClip(8000, samples))
    info = sf.info(io_bytes(data))
    assert info.subtype == subtype and info.samplerate == 8000 and info.frames == 4000
    back, _ = sf.read(io_bytes(data), dtype=samples.dtype.name if dtype != np.uint8 else "int16")
    if dtype in (np.int16, np.int32, np.float32):
        assert np.array_equal(back, samples)


def test_loud_float_audio_is_normalised_like_gradio():
    data = encode_wav(AudioClip(8000, tone().astype(np.float64)))  # int16-scale floats
    back, _ = sf.read(io_bytes(data))
    assert np.isclose(np.abs(back).max(), 1.0, atol=1e-6)


def io_bytes(data):
    import io

    return io.BytesIO(data)


def test_output_accepts_tuples_and_paths_and_returns_python_tuples(tmp_path):
    audio = gr.Audio()
    clip = audio.postprocess((8000, tone()))
    rate, samples = audio.as_python(clip)
    assert rate == 8000 and np.array_equal(samples, tone())
    path = tmp_path / "out.wav"
    path.write_bytes(audio_bytes(tone(channels=2)))
    assert audio.postprocess(str(path)).samples.shape == (4000, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Could not read 'clip.wav' as audio"),
        (os.urandom(2000), "Could not read 'clip.wav' as audio"),
        (audio_bytes(tone())[:30], "Could not read 'clip.wav' as audio"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt " + os.urandom(40), "Could not read 'clip.wav' as audio"),
        (wav_with_rate(0), "'clip.wav'"),
    ],
    ids=["empty", "random", "truncated-header", "broken-header", "rate-0"],
)
def test_corrupt_audio_is_a_clear_error(data, message):
    with pytest.raises(gr.Error, match=message):
        gr.Audio().preprocess(MediaFile("clip.wav", data))


def test_duration_limit_is_enforced_and_configurable(monkeypatch):
    long_clip = wav(tone(3.0))
    with pytest.raises(gr.Error, match="3 s long; the limit is 2 s"):
        gr.Audio(max_length=2).preprocess(long_clip)
    monkeypatch.setenv("STFACE_MAX_AUDIO_SECONDS", "1")
    with pytest.raises(gr.Error, match="the limit is 1 s"):
        gr.Audio().preprocess(long_clip)
    with pytest.raises(gr.Error, match="the limit is 2 s"):
        gr.Audio(max_length=2).preprocess((8000, tone(3.0)))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((0, tone()), "sample rate must be a positive integer"),
        ((8000, np.zeros((2, 2, 2))), "shaped \\(samples,\\)"),
        ((8000, np.array([np.nan, 0.0])), "NaN or infinity"),
        ("not-a-tuple-or-file", "outside the folders|not an existing file"),
    ],
)
def test_bad_audio_values_are_clear_errors(value, message):
    with pytest.raises(gr.Error, match=message):
        gr.Audio().preprocess(value)


def test_sources_follow_gradio_3_and_4_spellings():
    assert gr.Audio(source="microphone").sources == ["microphone"]
    assert gr.Audio(sources=["upload"]).sources == ["upload"]
    assert gr.Audio().sources == ["upload", "microphone"]
    with pytest.raises(ValueError, match="use one or more of upload, microphone"):
        gr.Audio(sources=["webcam"])


def test_shortcuts():
    from stface.components.registry import component_from

    assert component_from("mic").sources == ["microphone"]
    assert component_from("microphone").sources == ["microphone"]
    assert isinstance(component_from("audio"), gr.Audio)
