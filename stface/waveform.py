"""``gr.make_waveform``: audio -> an mp4 of its waveform, to show in a ``gr.Video`` (Gradio 3.50).

Drawn with matplotlib and encoded with ffmpeg, as Gradio does; both come
with ``pip install "stface[media]"`` (ffmpeg through imageio-ffmpeg, unless
one is on PATH). The video is written to stface's temp folder, owned by
the session (or the call) that made it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from stface._ffmpeg import EXTRA, require_ffmpeg, run_ffmpeg
from stface.components._codecs import AudioClip, audio_clip, decode_audio, encode_wav
from stface.errors import Error
from stface.tempfiles import new_folder

__all__ = ["make_waveform"]

_FEATURE = "gr.make_waveform"


def _hex_to_rgb(color: str) -> np.ndarray:
    text = str(color)
    if len(text) != 7 or not text.startswith("#"):
        raise ValueError(f"bars_color colours must be '#rrggbb' hex strings; got {color!r}.")
    return np.array([int(text[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def _gradient(start: str, end: str, n: int) -> list[str]:
    """``n`` colours from ``start`` to ``end`` (Gradio's get_color_gradient)."""
    a, b = _hex_to_rgb(start), _hex_to_rgb(end)
    mixes = [i / (n - 1) for i in range(n)] if n > 1 else [0.0]
    return ["#" + "".join(f"{int(round(v * 255)):02x}" for v in (1 - m) * a + m * b) for m in mixes]


def _read_audio(audio: Any, folder: Path) -> tuple[AudioClip, str]:
    """The clip and a file ffmpeg can read: the path given, or a WAV written from the samples."""
    if isinstance(audio, (str, os.PathLike)):
        path = Path(audio)
        if not path.is_file():
            raise ValueError(f"Audio file not found: '{audio}'.")
        try:
            return decode_audio(path, max_seconds=float("inf")), str(path)
        except Error:  # a format soundfile cannot read (m4a, ...): ffmpeg can
            wav = folder / "audio.wav"
            run_ffmpeg(["-y", "-i", str(path), str(wav)], feature=_FEATURE)
            return decode_audio(wav, max_seconds=float("inf")), str(path)
    try:
        clip = audio_clip(audio)
    except Error as exc:
        raise ValueError(f"make_waveform takes an audio file path or (sample_rate, numpy array): {exc}") from None
    wav = folder / "audio.wav"
    wav.write_bytes(encode_wav(clip))
    return clip, str(wav)


def _bars(samples: np.ndarray, bar_count: int) -> np.ndarray:
    """The peak of each of ``bar_count`` equal slices of the (mono) samples."""
    samples = np.asarray(samples, dtype=np.float64)
    if samples.ndim > 1:
        samples = np.mean(samples, 1)
    samples = np.pad(samples, [(0, bar_count - (len(samples) % bar_count))])
    return np.max(np.abs(np.reshape(samples, (bar_count, -1))), 1)


def make_waveform(
    audio: str | tuple[int, np.ndarray],
    *,
    bg_color: str = "#f3f4f6",
    bg_image: str | None = None,
    fg_alpha: float = 0.75,
    bars_color: str | tuple[str, str] = ("#fbbf24", "#ea580c"),
    bar_count: int = 50,
    bar_width: float = 0.6,
    animate: bool = False,
) -> str:
    """An mp4 video of the audio's waveform with the audio as its sound track (Gradio 3.50's ``gr.make_waveform``).

    Args:
        audio: an audio file path, or ``(sample_rate, samples)``.
        bg_color: background colour (ignored when ``bg_image`` is given).
        bg_image: a background image path.
        fg_alpha: opacity of the waveform.
        bars_color: one colour, or ``(start, end)`` of a gradient across the bars.
        bar_count: number of bars.
        bar_width: bar width, 1 filling each bar's slot.
        animate: bars that move with the audio (else a still waveform with a moving cursor).

    Returns:
        The path of the mp4, for a ``gr.Video`` output.

    Example:
        >>> import stface as gr
        >>> def visualise(audio):
        ...     return gr.make_waveform(audio, bars_color="#ea580c", bar_count=40)
        >>> demo = gr.Interface(visualise, gr.Audio(type="numpy"), gr.Video())
    """
    if isinstance(bar_count, bool) or not isinstance(bar_count, int) or bar_count < 1:
        raise ValueError(f"bar_count must be a positive whole number; got {bar_count!r}.")
    if bg_image is not None and not Path(bg_image).is_file():
        raise ValueError(f"bg_image '{bg_image}' is not an existing image file.")
    try:
        from matplotlib import animation
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError(f'{_FEATURE} needs matplotlib: pip install "stface[{EXTRA}]"') from None
    require_ffmpeg(_FEATURE)  # before any drawing: say what is missing first
    out_dir = new_folder()
    with tempfile.TemporaryDirectory(prefix="stface-waveform-") as work:
        clip, audio_file = _read_audio(audio, Path(work))
        duration = round(len(clip.samples) / clip.sample_rate, 4)
        samples = _bars(clip.samples, bar_count)
        color = bars_color if isinstance(bars_color, str) else _gradient(bars_color[0], bars_color[1], bar_count)

        # An Agg figure of its own (Gradio switches pyplot's backend; this needs no global state).
        fig = Figure(figsize=(5, 1), dpi=200, frameon=False) if animate else Figure()
        FigureCanvasAgg(fig)
        if animate:
            fig.subplots_adjust(left=0, bottom=0, right=1, top=1)
        axes = fig.add_subplot()
        axes.axis("off")
        axes.margins(x=0)
        bars = axes.bar(np.arange(0, bar_count), samples * 2, bottom=-samples, width=bar_width, color=color,
                        alpha=fg_alpha if animate else 1.0)  # fmt: skip
        picture = str(Path(work) / "waveform.png")
        save: dict[str, Any] = {"bbox_inches": "tight"}
        if bg_image is not None:
            save["transparent"] = True
            if animate:
                save["facecolor"] = "none"
        else:
            save["facecolor"] = bg_color
        fig.savefig(picture, **save)

        if not animate:
            width, height = _still_picture(picture, bg_image, fg_alpha)
        else:
            rng = np.random.default_rng()

            def _move(_: int) -> None:
                for index, bar in enumerate(bars):
                    scale = rng.uniform(0.8, 1.2)
                    bar.set_height(samples[index] * scale * 2)
                    bar.set_y(-scale * samples[index])

            frames = max(1, int(duration * 10))
            moving = animation.FuncAnimation(fig, _move, repeat=False, blit=False, frames=frames, interval=100)
            frame_options = {k: v for k, v in save.items() if k != "bbox_inches"}  # frames keep one size
            moving.save(picture, writer="pillow", fps=10, codec="png", savefig_kwargs=frame_options)

        output = str(out_dir / "waveform.mp4")
        run_ffmpeg(_command(picture, audio_file, bg_image, animate, duration, output,
                            None if animate else (width, height)), feature=_FEATURE)  # fmt: skip
    return output


def _still_picture(picture: str, bg_image: str | None, fg_alpha: float) -> tuple[int, int]:
    """Resize the waveform to 1000x400 and lay it over ``bg_image``, as Gradio does; the picture's size."""
    waveform = Image.open(picture).convert("RGBA").resize((1000, 400))
    if bg_image is None:
        waveform.save(picture)
        return waveform.size
    pixels = np.array(waveform)
    pixels[:, :, 3] = pixels[:, :, 3] * fg_alpha
    waveform = Image.fromarray(pixels)
    background = Image.open(bg_image).convert("RGBA")
    width, height = waveform.size
    if background.width != width:
        background = background.resize((width, 2 * int(background.height * width / background.width / 2)))
    composite_height = max(background.height, height)
    composite = Image.new("RGBA", (width, composite_height), "#FFFFFF")
    composite.paste(background, (0, composite_height - background.height))
    composite.paste(waveform, (0, composite_height - height), waveform)
    composite.save(picture)
    return composite.size


def _command(picture: str, audio_file: str, bg_image: str | None, animate: bool, duration: float, output: str,
             size: tuple[int, int] | None) -> list[str]:  # fmt: skip
    """Gradio 3.50's ffmpeg arguments, encoding H.264 in yuv420p and AAC so that browsers play the result."""
    browser = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"]
    if animate and bg_image is not None:
        graph = ("[0:v]scale=w=trunc(iw/2)*2:h=trunc(ih/2)*2[bg];[1:v]format=rgba,colorchannelmixer=aa=1.0[ov];"
                 "[bg][ov]overlay=(main_w-overlay_w*0.9)/2:main_h-overlay_h*0.9/2[output]")  # fmt: skip
        return ["-loop", "1", "-i", bg_image, "-i", picture, "-i", audio_file, "-filter_complex", graph,
                "-t", str(duration), "-map", "[output]", "-map", "2:a", *browser, "-shortest", "-y", output]  # fmt: skip
    if animate:
        graph = "[0:v][1:a]concat=n=1:v=1:a=1[v];[v]scale=1000:400,format=yuv420p[v_scaled]"
        return ["-i", picture, "-i", audio_file, "-filter_complex", graph, "-map", "[v_scaled]", "-map", "1:a",
                *browser, "-shortest", "-y", output]  # fmt: skip
    width, height = size or (1000, 400)
    cursor = f"color=c=#FFFFFF77:s={width}x{height}[bar];[0][bar]overlay=-w+(w/{duration})*t:H-h:shortest=1"
    return ["-loop", "1", "-i", picture, "-i", audio_file, "-vf", cursor, "-t", str(duration), *browser, "-y", output]
