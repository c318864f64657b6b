"""gr.make_waveform: a real tone in, a real mp4 out (probed with the same ffmpeg); a clear error without ffmpeg."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import imageio_ffmpeg
import numpy as np
import pytest
import soundfile as sf
from PIL import Image

import stface as gr
from stface._ffmpeg import find_ffmpeg

RATE = 16000


def _tone(seconds: float = 1.0) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def _probe(path: str) -> str:
    """What ffmpeg says about the file (`ffmpeg -i` prints it and exits 1: no output was asked for)."""
    return subprocess.run([find_ffmpeg(), "-hide_banner", "-i", path], capture_output=True, text=True).stderr


def _duration(path: str) -> float:
    hours, minutes, seconds = re.search(r"Duration: (\d+):(\d+):([\d.]+)", _probe(path)).groups()
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _first_frame(path: str) -> np.ndarray:
    frames = imageio_ffmpeg.read_frames(path)
    meta = next(frames)
    width, height = meta["size"]
    frame = np.frombuffer(next(frames), dtype=np.uint8).reshape(height, width, 3)
    frames.close()
    return frame


def test_a_wav_file_becomes_an_mp4_as_long_as_the_audio(tmp_path):
    wav = tmp_path / "tone.wav"
    sf.write(wav, _tone(1.5), RATE)
    video = gr.make_waveform(str(wav))
    assert video.endswith(".mp4") and os.path.getsize(video) > 1000
    info = _probe(video)
    assert "Video: h264" in info and "yuv420p" in info and "Audio: aac" in info, info
    assert abs(_duration(video) - 1.5) < 0.2
    assert abs(imageio_ffmpeg.count_frames_and_secs(video)[1] - 1.5) < 0.2


def test_the_picture_has_the_bars_colour_on_the_background_colour(tmp_path):
    wav = tmp_path / "tone.wav"
    sf.write(wav, _tone(), RATE)
    frame = _first_frame(gr.make_waveform(str(wav), bg_color="#0000ff", bars_color="#ff0000", bar_count=10))
    height, width, _ = frame.shape
    assert (width, height) == (1000, 400)
    middle = frame[height // 2, width // 2 - 150 : width // 2 + 150].astype(int)
    reds = [p for p in middle if p[0] > 150 and p[2] < 100]
    blues = [p for p in middle if p[2] > 150 and p[0] < 100]
    assert reds and blues  # bars, and the background between them
    corner = frame[5, -5].astype(int)
    assert corner[2] > 150 and corner[0] < 100  # no bar reaches the top corner


def test_samples_animated_bars_and_a_background_image(tmp_path):
    background = tmp_path / "bg.png"
    Image.new("RGB", (640, 480), "green").save(background)
    for options in ({"animate": True}, {"bg_image": str(background)}, {"bg_image": str(background), "animate": True}):
        video = gr.make_waveform((RATE, _tone()), bars_color=("#fbbf24", "#ea580c"), **options)
        assert os.path.getsize(video) > 1000
        assert abs(_duration(video) - 1.0) < 0.2, options
    frame = _first_frame(gr.make_waveform((RATE, _tone()), bg_image=str(background)))
    assert frame.shape[:2] == (750, 1000)  # the background scaled to the width, the waveform laid over it
    top = frame[5, 5].astype(int)
    assert top[1] > 100 and top[0] < 80  # green


def test_bad_input_says_what_was_wrong(tmp_path):
    with pytest.raises(ValueError, match="Audio file not found"):
        gr.make_waveform(str(tmp_path / "missing.wav"))
    with pytest.raises(ValueError, match=r"\(sample_rate, numpy array\)"):
        gr.make_waveform((RATE,))
    with pytest.raises(ValueError, match="bar_count"):
        gr.make_waveform((RATE, _tone()), bar_count=0)


def _run_without(blocked: str, tmp_path) -> subprocess.CompletedProcess:
    """make_waveform in a fresh Python whose PATH has no ffmpeg and where ``blocked`` cannot be imported."""
    wav = tmp_path / "tone.wav"
    sf.write(wav, _tone(0.2), RATE)
    code = textwrap.dedent(f"""
        import sys
        sys.modules[{blocked!r}] = None  # importing it raises ImportError, as when it is not installed
        import stface as gr
        try:
            gr.make_waveform({str(wav)!r})
        except Exception as exc:
            print(type(exc).__name__, isinstance(exc, RuntimeError), isinstance(exc, ImportError))
            print(exc)
    """)
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "IMAGEIO_FFMPEG_EXE"} | {"PATH": str(empty)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_without_ffmpeg_the_error_says_how_to_install_it(tmp_path):
    done = _run_without("imageio_ffmpeg", tmp_path)
    kind, message = done.stdout.splitlines()[:2]
    assert kind == "FFmpegNotFound True True", done.stderr
    assert "gr.make_waveform needs ffmpeg" in message
    assert "apt-get install ffmpeg" in message and 'pip install "stface[media]"' in message


def test_without_matplotlib_the_error_names_the_extra(tmp_path):
    done = _run_without("matplotlib", tmp_path)
    kind, message = done.stdout.splitlines()[:2]
    assert kind == "ImportError False True", done.stderr
    assert message == 'gr.make_waveform needs matplotlib: pip install "stface[media]"'
