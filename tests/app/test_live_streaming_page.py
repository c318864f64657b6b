"""Live streaming interfaces on a page, driven by AppTest.

AppTest cannot run WebRTC, so Streamlit's own camera and recorder stand in
(as for the microphone recorder): a photo is one frame, a recording is
streamed to fn in ``stream_every`` chunks, through the same LiveStream the
WebRTC path feeds. The browser tests (tests/e2e/test_streaming_browser.py)
cover WebRTC itself.
"""

import sys
import textwrap
from pathlib import Path

import numpy as np
from app_support import button, run_example, run_script
from test_media import jpeg_bytes

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from media_samples import audio_bytes, tone  # noqa: E402


def page(body: str):
    return run_script("import stface as gr\nimport numpy as np\nimport streamlit as st\n" + textwrap.dedent(body))


LISTEN = """
log = st.session_state.setdefault("log", [])
def listen(name, state, chunk):
    rate, samples = chunk
    log.append((name, rate, len(samples), samples.ndim))
    state = (state or 0) + len(samples)
    return state, f"{name}: {state / rate:.2f} s in {len(log)} chunks"
"""


def test_a_recording_reaches_fn_in_stream_every_chunks_with_state_and_no_submit_button():
    at = page(
        LISTEN
        + """
gr.Interface(listen, [gr.Textbox(label="name", value="ada"), "state", gr.Audio(sources=["microphone"], streaming=True)],
             ["state", gr.Textbox(label="heard")], live=True, stream_every=0.25).launch()
"""
    )
    assert not at.exception and not [b for b in at.button if b.label == "Submit"]
    at.get("audio_input")[0].set_value(("take.wav", audio_bytes(tone(seconds=1.0, channels=2)), "audio/wav"))
    at.run()
    assert at.session_state["log"] == [("ada", 8000, 2000, 1)] * 4  # two identical channels are a mono microphone
    assert at.text_area(key=at.text_area[0].key).value == "ada: 1.00 s in 4 chunks"
    at.text_input[0].input("bo").run()  # another input changes: no fn call without a stream
    assert len(at.session_state["log"]) == 4
    at.get("audio_input")[0].set_value(("again.wav", audio_bytes(tone(seconds=0.5)), "audio/wav"))
    at.run()
    assert at.session_state["log"][4:] == [("bo", 8000, 2000, 1)] * 2
    assert at.text_area[0].value == "bo: 1.50 s in 6 chunks"  # the State carried over


def test_time_limit_cuts_a_recording_and_says_so_in_seconds_of_audio():
    at = page(
        LISTEN
        + """
gr.Interface(listen, [gr.Textbox(label="name", value="ada"), "state", gr.Audio(streaming=True)],
             ["state", gr.Textbox(label="heard")], live=True, stream_every=0.5, time_limit=0.75).launch()
"""
    )
    at.get("audio_input")[0].set_value(("take.wav", audio_bytes(tone(seconds=2.0)), "audio/wav"))
    at.run()
    assert [n for _, _, n, _ in at.session_state["log"]] == [4000, 2000]


def test_a_webcam_photo_is_one_frame_and_an_image_output_is_drawn_in_the_page():
    at = page("""
frames = st.session_state.setdefault("frames", [])
def flip(frame):
    frames.append(frame)
    return np.flipud(frame), f"{frame.shape[1]}x{frame.shape[0]}"
gr.Interface(flip, gr.Image(sources=["webcam"], streaming=True, label="camera"),
             [gr.Image(label="flipped"), gr.Textbox(label="size")], live=True).launch()
""")
    at.get("camera_input")[0].set_value(("photo.jpg", jpeg_bytes(), "image/jpeg"))
    at.run()
    (frame,) = at.session_state["frames"]
    assert frame.shape == (30, 40, 3) and frame.dtype == np.uint8
    assert at.text_area[0].value == "40x30"
    assert len(at.get("image")) == 1  # the output (the camera shows its own photo)


def test_an_error_in_fn_is_shown_once_and_the_page_keeps_working():
    at = page("""
def fragile(chunk):
    raise gr.Error("no speech here")
gr.Interface(fragile, gr.Audio(streaming=True), "text", live=True, stream_every=0.1).launch()
""")
    at.get("audio_input")[0].set_value(("take.wav", audio_bytes(tone(seconds=1.0)), "audio/wav"))
    at.run()
    assert [e.value for e in at.error] == ["no speech here"]
    at.run()
    assert not at.exception


def test_a_streamed_audio_output_holds_every_chunk_after_submit():
    at = page("""
def speak(n):
    for i in range(int(n)):
        yield 8000, np.full(800, i, dtype=np.int16)
gr.Interface(speak, gr.Number(value=3, label="chunks"), gr.Audio(streaming=True, autoplay=True, label="voice")).launch()
""")
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    assert len(at.get("audio")) == 1


def test_the_gallery_webcam_filter_filters_a_photo_under_apptest():
    at = run_example("live_webcam_filter")
    assert not at.exception
    at.get("camera_input")[0].set_value(("photo.jpg", jpeg_bytes(), "image/jpeg"))
    at.run()
    assert not at.exception and not at.error


def test_the_gallery_audio_effect_runs_on_a_recording_under_apptest():
    at = run_example("live_audio_effect")
    assert not at.exception
    for effect in ("robot", "echo", "quieter"):
        at.radio[0].set_value(effect).run()
        at.get("audio_input")[0].set_value((f"{effect}.wav", audio_bytes(tone(seconds=0.5)), "audio/wav"))
        at.run()
        assert not at.exception and not at.error, effect


def test_a_label_an_update_gave_a_streamed_audio_output_stays_with_the_answer():
    at = page("""
def speak(n):
    yield gr.update(value=(8000, np.full(800, 1, dtype=np.int16)), label="Renamed voice")
    yield 8000, np.full(800, 2, dtype=np.int16)
gr.Interface(speak, gr.Number(value=2, label="chunks"), gr.Audio(streaming=True, label="voice")).launch()
""")
    button(at, "Submit").click().run()
    assert not at.exception and not at.error and len(at.get("audio")) == 1
    assert "Renamed voice" in [c.value for c in at.caption]
