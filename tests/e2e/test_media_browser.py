"""Media in a real browser: the microphone over WebRTC, audio output, the webcam.

The microphone test needs a non-loopback address for WebRTC, so it runs
inside scripts/netns-run (a private network namespace); `make test`
runs this file that way. Chromium's fake microphone plays a 440 Hz tone.
"""

from __future__ import annotations

import io
import re
import os
import subprocess
from urllib.parse import urljoin

import numpy as np
import pytest
import soundfile as sf
from e2e_support import ROOT, click_and_wait, count_most, most_seen, open_app, submit, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

IN_NETNS = os.environ.get("STFACE_IN_NETNS") == "1"


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    mono = samples if samples.ndim == 1 else samples.mean(axis=1)
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    return float(np.fft.rfftfreq(len(mono), 1 / rate)[int(np.argmax(spectrum))])


def output_audio(page) -> tuple[np.ndarray, int]:
    """Decode the WAV that the outputs' <audio> element plays.

    Streamlit drops a run's media files when a later rerun replaces them, so
    the source is read again if a rerun raced the download.
    """
    audio = page.locator("[class*='-outputs'] audio").last
    for _ in range(20):
        src = audio.get_attribute("src")
        assert src, "the output <audio> has no source"
        response = page.request.get(urljoin(page.url, src))
        if response.ok:
            samples, rate = sf.read(io.BytesIO(response.body()), dtype="int16")
            return samples, rate
        page.wait_for_timeout(250)
    raise AssertionError(f"the output audio could not be fetched: {response.status}")


def test_generate_tone_plays_the_requested_note_octave_and_duration(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "generate_tone.py")
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("Note").click()  # the form holds these until Submit
    page.get_by_role("option", name="C", exact=True).click()
    octave = page.get_by_role("slider", name="Octave")
    octave.focus()
    octave.press("ArrowRight")  # 4 -> 5
    expect(octave).to_have_attribute("aria-valuetext", "5")
    page.get_by_label("Duration in seconds").fill("2")
    submit(page)
    expect(page.locator("[class*='-outputs'] audio")).to_have_count(1)
    samples, rate = output_audio(page)
    assert rate == 48000
    assert len(samples) == 2 * 48000
    expected = 440 * 2 ** ((12 * (5 - 4) + (0 - 9)) / 12)  # C5, about 523.25 Hz
    assert abs(dominant_frequency(samples, rate) - expected) < 2


@pytest.fixture(scope="module")
def tone(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("tone") / "tone.wav"
    subprocess.run(["sox", "-n", "-r", "48000", "-c", "1", "-b", "16", str(path), "synth", "6", "sine", "440"], check=True)
    return str(path)


RECORDING_APP = '''
import os
import numpy as np
import stface as gr

def reverse_audio(audio):
    sr, data = audio
    np.save(os.environ["STFACE_RECEIVED"], data)
    with open(os.environ["STFACE_RECEIVED"] + ".rate", "w") as handle:
        handle.write(str(sr))
    return sr, np.flipud(data)

demo = gr.Interface(reverse_audio, "microphone", "audio")
'''


@pytest.fixture
def fake_media_page(playwright, tone):
    """A page in a Chromium whose fake microphone plays a 440 Hz tone and whose fake camera shows a test pattern."""
    from e2e_support import CHROMIUM, CHROMIUM_ARGS

    args = [*CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={tone}"]  # fmt: skip
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
    context = browser.new_context(permissions=["microphone", "camera"])
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    browser.close()


def test_microphone_records_over_webrtc_and_fn_gets_the_tone(tmp_path, launch_app, fake_media_page):
    if not IN_NETNS:
        pytest.fail("WebRTC needs a non-loopback address: run this test inside scripts/netns-run (make test does).")
    app = tmp_path / "record_app.py"
    app.write_text(RECORDING_APP)
    received = tmp_path / "received.npy"
    server = launch_app(app, env={"STFACE_ICE_SERVERS": "[]", "STFACE_RECEIVED": str(received)})
    page = fake_media_page
    open_app(page, server.url.replace("127.0.0.1", "localhost"))  # localhost is a secure context for getUserMedia
    recorder = page.frame_locator("iframe[title*='streamlit_webrtc']")
    recorder.get_by_role("button", name="Start").click()
    recorder.get_by_role("button", name="Stop").wait_for()
    expect(page.get_by_text("Recording… press Stop when done.")).to_be_visible()
    page.wait_for_timeout(3000)
    count_most(page, "[data-testid^='stBaseButton']")  # the page's own buttons (the recorder's are in its frame)
    click_and_wait(page, recorder.get_by_role("button", name="Stop"))
    expect(page.locator("audio")).to_have_count(1)  # the recording's preview
    expect(recorder.get_by_role("button", name="Start")).to_be_enabled()  # the recorder has settled
    wait_idle(page)
    expect(page.get_by_text("Recording… press Stop when done.")).to_have_count(0)
    assert most_seen(page) == page.locator("[data-testid^='stBaseButton']").count()  # never a second copy of them
    submit(page)
    expect(page.locator("audio")).to_have_count(2)

    samples = np.load(received)
    rate = int((tmp_path / "received.npy.rate").read_text())
    assert samples.dtype == np.int16 and samples.ndim == 1
    assert rate == 48000
    assert len(samples) > rate  # more than a second of the three recorded
    assert abs(dominant_frequency(samples, rate) - 440.0) < 5

    played, played_rate = output_audio(page)
    assert played_rate == rate
    assert np.array_equal(played, samples[::-1])


WEBCAM_APP = """
import os
import numpy as np
import stface as gr

def describe(photo):
    np.save(os.environ["STFACE_RECEIVED"], photo)
    return np.fliplr(photo), f"{type(photo).__name__} {photo.shape[1]}x{photo.shape[0]} {photo.dtype}"

demo = gr.Interface(describe, gr.Image(source="webcam", label="photo"),
                    [gr.Image(label="flipped"), gr.Textbox(label="what fn received")], title="Webcam")
"""


def test_webcam_photo_reaches_fn_as_the_fake_cameras_picture(tmp_path, launch_app, fake_media_page):
    app = tmp_path / "webcam_app.py"
    app.write_text(WEBCAM_APP)
    received = tmp_path / "photo.npy"
    server = launch_app(app, env={"STFACE_RECEIVED": str(received)})
    page = fake_media_page
    open_app(page, server.url.replace("127.0.0.1", "localhost"))
    take = page.get_by_role("button", name="Take Photo")
    expect(take).to_be_enabled(timeout=30_000)
    page.wait_for_function("() => [...document.querySelectorAll('video')].some(v => v.readyState >= 2 && v.videoWidth > 0)")
    take.click()
    # The photo is shown at once and uploaded in the background; a person submits after seeing it.
    expect(page.get_by_role("button", name="Clear photo")).to_be_visible()
    page.wait_for_load_state("networkidle")
    submit(page)
    described = page.get_by_label("what fn received")
    expect(described).to_have_value(re.compile(r"^ndarray \d+x\d+ uint8$"))
    expect(page.locator("[class*='-outputs'] img")).to_have_count(1)
    photo = np.load(received)
    assert photo.dtype == np.uint8 and photo.ndim == 3 and photo.shape[2] == 3
    assert photo.shape[1] >= 160 and photo.shape[0] >= 120
    assert_fake_camera_pattern(photo)


def assert_fake_camera_pattern(photo: np.ndarray) -> None:
    """Chromium's fake camera draws a known picture: check fn got that picture, mirrored.

    The frame is dark green (0, ~135, 0) with a bright green Pac-Man (R ~70,
    G 255) near the middle and a running timestamp in light green drawn at the
    top left; stface mirrors webcam photos (``mirror_webcam=True``, as
    Gradio), so fn sees the timestamp at the top right.
    """
    pixels = photo.astype(int)
    height, width, _ = pixels.shape
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    assert ((green > red + 80) & (green > blue + 80)).mean() > 0.95  # green everywhere
    background = np.median(pixels.reshape(-1, 3), axis=0)
    assert background[0] < 20 and 110 < background[1] < 170 and background[2] < 20
    pacman_y, pacman_x = np.nonzero((red > 50) & (green > 240))
    assert 0.01 < len(pacman_x) / red.size < 0.2
    assert 0.25 < pacman_x.mean() / width < 0.75 and 0.25 < pacman_y.mean() / height < 0.75
    _, text_x = np.nonzero(red[: height // 20] > 30)  # the timestamp: the only reddish pixels up there
    assert len(text_x) > 50 and text_x.mean() / width > 0.75  # mirrored from the top left


UPLOAD_AND_RECORD = """
import soundfile as sf
import stface as gr

def count(path):
    samples, _ = sf.read(path, dtype="int16")
    return f"{len(samples)} samples"

demo = gr.Interface(count, gr.Audio(type="filepath", label="voice"), gr.Textbox(label="answer"))
"""


def test_submit_clicked_while_an_upload_is_in_flight_gets_that_file(tmp_path, launch_app, new_page):
    """The recorder needs reruns, so it stands outside the inputs' form; the uploader is inside, and the
    form keeps Submit disabled until the upload ends: a person who clicks at once gets their file."""
    app = tmp_path / "upload_and_record.py"
    app.write_text(UPLOAD_AND_RECORD)
    server = launch_app(app, env={"STFACE_ICE_SERVERS": "[]"})
    page = new_page()
    open_app(page, server.url)
    expect(page.frame_locator("iframe[title*='streamlit_webrtc']").get_by_role("button", name="Start")).to_be_visible()
    for number in range(6):
        clip = tmp_path / f"clip{number}.wav"
        sf.write(clip, np.zeros(3000 + number, dtype=np.int16), 16000)
        page.locator("input[type=file]").set_input_files(str(clip))
        expect(page.get_by_text(clip.name, exact=True)).to_be_visible()  # chosen; its upload may be in flight
        page.get_by_role("button", name="Submit", exact=True).click()  # at once, as a person would
        expect(page.get_by_label("answer")).to_have_value(f"{3000 + number} samples", timeout=10_000)
