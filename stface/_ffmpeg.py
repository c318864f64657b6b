"""Finding ffmpeg, for ``gr.make_waveform`` and watermarked ``gr.Video`` outputs.

The ``ffmpeg`` on PATH wins; otherwise the binary the ``imageio-ffmpeg``
package ships (``pip install "stface[media]"``) is used.

Example:
    >>> from stface._ffmpeg import find_ffmpeg
    >>> exe = find_ffmpeg()
    >>> exe is None or "ffmpeg" in exe
    True
"""

from __future__ import annotations

import shutil
import subprocess

__all__ = ["FFmpegNotFound", "find_ffmpeg", "require_ffmpeg", "run_ffmpeg"]

EXTRA = "media"


class FFmpegNotFound(ImportError, RuntimeError):
    """ffmpeg is neither on PATH nor installed with imageio-ffmpeg (a RuntimeError, as Gradio raises)."""


def find_ffmpeg() -> str | None:
    """The ffmpeg executable to run, or None when there is none."""
    on_path = shutil.which("ffmpeg")
    if on_path:
        return on_path
    try:
        import imageio_ffmpeg
    except ImportError:
        return None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:  # the package is there but its binary is not (an unsupported platform)
        return None


def require_ffmpeg(feature: str) -> str:
    """The ffmpeg executable, or :class:`FFmpegNotFound` saying that ``feature`` needs it and how to install it."""
    exe = find_ffmpeg()
    if exe is None:
        raise FFmpegNotFound(
            f"{feature} needs ffmpeg, which was not found: install it with `apt-get install ffmpeg` "
            f'(or your system\'s package manager), or `pip install "stface[{EXTRA}]"`, which brings '
            "imageio-ffmpeg's ffmpeg."
        )
    return exe


def run_ffmpeg(args: list[str], *, feature: str) -> None:
    """Run ffmpeg with ``args``; a failure raises RuntimeError with ffmpeg's last lines."""
    exe = require_ffmpeg(feature)
    done = subprocess.run([exe, "-hide_banner", "-loglevel", "error", *args], capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"{feature}: ffmpeg failed (exit code {done.returncode}):\n{tail}")
