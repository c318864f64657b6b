"""watermark= on Image and Video outputs, and gr.WatermarkOptions (Gradio 5-6)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

import stface as gr
from stface._ffmpeg import find_ffmpeg

RED = (255, 0, 0)


def _mark(size: int = 10) -> Image.Image:
    return Image.new("RGB", (size, size), RED)


def _red(pixels: np.ndarray) -> np.ndarray:
    pixels = pixels.astype(int)
    return (pixels[..., 0] > 180) & (pixels[..., 1] < 90) & (pixels[..., 2] < 90)


def test_an_image_output_gets_the_watermark_at_the_bottom_right():
    out = gr.Image(watermark=_mark())
    picture = np.array(out.postprocess(np.zeros((80, 100, 3), dtype=np.uint8)))
    assert picture.shape == (80, 100, 3)
    red = _red(picture)
    assert red[60:70, 80:90].all()  # 10 pixels from the bottom and the right, as Gradio puts it
    assert red.sum() == 100  # and nowhere else


def test_an_x_y_position_puts_the_watermark_there():
    out = gr.Image(watermark=gr.WatermarkOptions(watermark=_mark(), position=(5, 7)))
    red = _red(np.array(out.postprocess(np.zeros((80, 100, 3), dtype=np.uint8))))
    assert red[7:17, 5:15].all() and red.sum() == 100


@pytest.mark.parametrize(
    ("position", "rows", "cols"),
    [("top-left", slice(10, 20), slice(10, 20)), ("top-right", slice(10, 20), slice(80, 90)),
     ("bottom-left", slice(60, 70), slice(10, 20)), ((95, 75), slice(60, 70), slice(80, 90))],
)  # fmt: skip
def test_corners_and_a_position_that_does_not_fit(position, rows, cols):
    out = gr.Image(watermark=gr.WatermarkOptions(_mark(), position=position))
    red = _red(np.array(out.postprocess(np.zeros((80, 100, 3), dtype=np.uint8))))
    assert red[rows, cols].all() and red.sum() == 100  # (95, 75) overflows: bottom right, as in Gradio


def test_a_watermark_from_a_file_or_an_array_keeps_its_transparency_and_the_image_its_mode(tmp_path):
    half = np.zeros((10, 10, 4), dtype=np.uint8)
    half[:, :5] = (255, 255, 255, 255)  # the left half opaque white, the right half transparent
    Image.fromarray(half).save(tmp_path / "mark.png")
    for watermark in (str(tmp_path / "mark.png"), half):
        grey = gr.Image(image_mode="L", watermark=watermark).postprocess(Image.new("L", (40, 30), 0))
        assert grey.mode == "L"
        pixels = np.array(grey)
        assert (pixels[10:20, 20:25] == 255).all() and (pixels[10:20, 25:30] == 0).all()
        assert pixels.sum() == 255 * 50


def test_an_interface_returns_the_watermarked_picture():
    demo = gr.Interface(lambda x: x, gr.Image(), gr.Image(watermark=_mark(4)))
    result = demo(np.zeros((20, 20, 3), dtype=np.uint8))
    assert _red(result)[6:10, 6:10].all() and _red(result).sum() == 16


def test_an_image_without_a_watermark_is_unchanged():
    picture = Image.new("RGB", (8, 8), "blue")
    assert gr.Image().postprocess(picture) is picture


def test_bad_watermark_options_say_what_was_wrong(tmp_path):
    with pytest.raises(ValueError, match="String position must be one of"):
        gr.WatermarkOptions(_mark(), position="middle")
    with pytest.raises(ValueError, match="exactly 2 values"):
        gr.WatermarkOptions(_mark(), position=(1, 2, 3))
    with pytest.raises(ValueError, match="must be integers"):
        gr.WatermarkOptions(_mark(), position=(1.5, 2))
    with pytest.raises(ValueError, match="Watermark must be"):
        gr.WatermarkOptions(watermark=42)
    with pytest.raises(ValueError, match="does not exist"):
        gr.Image(watermark=str(tmp_path / "missing.png"))
    with pytest.raises(ValueError, match="PNG or JPEG file path"):
        gr.Video(watermark=gr.WatermarkOptions(_mark()))
    with pytest.raises(ValueError, match="gr.WatermarkOptions or an image path"):
        gr.Video(watermark=42)


def _video(path, width: int = 64, height: int = 48) -> str:
    """A 1-second black H.264 clip made by ffmpeg."""
    source = f"color=c=black:s={width}x{height}:d=1"
    command = [find_ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", source, "-pix_fmt", "yuv420p", str(path)]
    subprocess.run(command, check=True)
    return str(path)


def _first_frame(data: bytes, tmp_path) -> np.ndarray:
    path = tmp_path / "out.mp4"
    path.write_bytes(data)
    frames = imageio_ffmpeg.read_frames(str(path))
    width, height = next(frames)["size"]
    frame = np.frombuffer(next(frames), dtype=np.uint8).reshape(height, width, 3)
    frames.close()
    return frame


def test_a_video_output_gets_the_watermark_laid_over_it(tmp_path):
    Image.new("RGB", (8, 8), RED).save(tmp_path / "mark.png")
    clip = _video(tmp_path / "clip.mp4")
    played = gr.Video(watermark=str(tmp_path / "mark.png")).postprocess(clip)
    assert played.name == "clip_watermarked.mp4"
    red = _red(_first_frame(played.data, tmp_path))
    assert red[38:42, 54:58].all()  # 5 pixels from the bottom right, as Gradio's ffmpeg overlay
    assert not red[:30].any() and not red[:, :45].any()

    options = gr.WatermarkOptions(watermark=str(tmp_path / "mark.png"), position=(2, 3))
    red = _red(_first_frame(gr.Video(watermark=options).postprocess(clip).data, tmp_path))
    assert red[5:9, 4:8].all() and not red[20:].any()


def test_a_video_watermark_without_ffmpeg_fails_when_the_component_is_made(tmp_path):
    Image.new("RGB", (8, 8), RED).save(tmp_path / "mark.png")
    code = textwrap.dedent(f"""
        import sys
        sys.modules["imageio_ffmpeg"] = None  # as if imageio-ffmpeg were not installed
        import stface as gr
        gr.Video()  # no watermark: no ffmpeg needed
        try:
            gr.Video(watermark={str(tmp_path / "mark.png")!r})
        except Exception as exc:
            print(exc)
    """)
    (tmp_path / "bin").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "IMAGEIO_FFMPEG_EXE"} | {"PATH": str(tmp_path / "bin")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.startswith("gr.Video(watermark=...) needs ffmpeg"), done.stderr
    assert "apt-get install ffmpeg" in done.stdout and 'pip install "stface[media]"' in done.stdout
