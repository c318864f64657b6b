"""Media inputs and outputs on a page, driven by AppTest (uploads, the native recorder, the camera)."""

import os
import sys
import textwrap
from pathlib import Path

import numpy as np
from PIL import Image as PILImage
from app_support import button, run_example, run_script

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from media_samples import audio_bytes, png_bytes, tone  # noqa: E402


def jpeg_bytes() -> bytes:
    import io

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 200, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


def page(body: str):
    return run_script("import stface as gr\nimport numpy as np\nimport streamlit as st\n" + textwrap.dedent(body))


def test_generate_tone_page_plays_audio():
    at = run_example("generate_tone")
    button(at, "Submit").click().run()
    assert not at.error
    assert len(at.get("audio")) == 1


def test_sepia_upload_and_submit_shows_the_filtered_image():
    at = run_example("sepia")
    at.file_uploader[0].set_value(("photo.png", png_bytes(400, 300), "image/png"))
    button(at, "Submit").click().run()
    assert not at.error and not at.exception
    assert len(at.get("image")) == 2  # the upload's preview and the output


def test_corrupt_upload_shows_a_clear_error_and_the_next_upload_works():
    at = run_example("sepia")
    at.file_uploader[0].set_value(("photo.jpg", os.urandom(2048), "image/jpeg"))
    button(at, "Submit").click().run()
    assert [e.value for e in at.error][-1].startswith("Could not read 'photo.jpg' as an image")
    at.file_uploader[0].set_value(("photo.png", png_bytes(), "image/png"))
    button(at, "Submit").click().run()
    assert not at.error


RECEIVE = """
received = st.session_state.setdefault("received", [])
def keep(value):
    received.append(value)
    return value
"""


def test_native_recorder_stands_in_for_webrtc_under_apptest():
    at = page(RECEIVE + "gr.Interface(keep, 'microphone', 'audio').launch()")
    assert len(at.get("audio_input")) == 1
    at.get("audio_input")[0].set_value(("take.wav", audio_bytes(tone(channels=2)), "audio/wav"))
    button(at, "Submit").click().run()
    rate, samples = at.session_state["received"][0]
    assert rate == 8000 and samples.dtype == np.int16 and samples.shape == (4000, 2)
    assert len(at.get("audio")) == 2  # the take's preview and the output


def test_audio_with_both_sources_and_no_input_gives_a_clear_message():
    at = page("gr.Interface(lambda a: (a[0], a[1][::-1]), gr.Audio(label='voice'), 'audio').launch()")
    assert len(at.file_uploader) == 1 and len(at.get("audio_input")) == 1
    button(at, "Submit").click().run()
    assert [e.value for e in at.error] == ["No audio for 'voice': record or upload a clip, then press Submit."]


def test_audio_filepath_type_receives_a_wav_path():
    at = page(RECEIVE + "gr.Interface(keep, gr.Audio(sources=['upload'], type='filepath'), 'audio').launch()")
    at.file_uploader[0].set_value(("clip.flac", audio_bytes(tone(), fmt="FLAC"), "audio/flac"))
    button(at, "Submit").click().run()
    path = at.session_state["received"][0]
    assert path.endswith(".wav") and os.path.exists(path)


def test_webcam_photo_arrives_as_the_requested_type():
    at = page(RECEIVE + "gr.Interface(keep, gr.Image(sources=['webcam'], type='pil'), 'image').launch()")
    at.get("camera_input")[0].set_value(("photo.jpg", jpeg_bytes(), "image/jpeg"))
    button(at, "Submit").click().run()
    photo = at.session_state["received"][-1]
    assert isinstance(photo, PILImage.Image) and photo.size == (40, 30) and photo.mode == "RGB"


def test_clear_empties_media_inputs():
    at = page("gr.Interface(lambda im: im, gr.Image(sources=['upload']), 'image').launch()")
    at.file_uploader[0].set_value(("photo.png", png_bytes(), "image/png"))
    button(at, "Submit").click().run()
    assert len(at.get("image")) == 2
    button(at, "Clear").click().run()
    assert len(at.get("image")) == 0


def test_file_output_offers_a_download():
    at = page("""
    import tempfile, os
    def make():
        path = os.path.join(tempfile.mkdtemp(), "report.txt")
        open(path, "w").write("done")
        return path
    gr.Interface(make, None, "file").launch()
    """)
    button(at, "Generate").click().run()
    assert not at.error
    assert [b.label for b in at.get("download_button")] == ["Download report.txt"]


def test_a_fn_returning_a_system_path_gets_a_clear_error():
    at = page("gr.Interface(lambda: '/etc/passwd', None, 'file').launch()")
    button(at, "Generate").click().run()
    assert "outside the folders stface serves" in at.error[0].value
    assert not at.get("download_button")
