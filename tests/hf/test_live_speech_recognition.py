"""The gallery's live speech recognition on the tiny local CTC model, under AppTest.

AppTest's stand-in recorder streams a recording to fn in 0.5 s chunks, as
WebRTC would (tests/e2e/test_streaming_browser.py streams it live): the
State keeps the audio so far and the transcript grows with it.
"""

import sys
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from media_samples import audio_bytes  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "live_speech_recognition.py"


def test_the_transcript_grows_as_chunks_arrive(tiny_models):
    at = AppTest.from_file(str(EXAMPLE), default_timeout=60).run()
    assert not at.exception
    tone = (np.sin(2 * np.pi * 440 * np.arange(48000) / 48000) * 12000).astype(np.int16)
    lengths = []
    for take in ("first.wav", "second.wav"):
        at.get("audio_input")[0].set_value((take, audio_bytes(tone, rate=48000), "audio/wav"))
        at.run()
        assert not at.exception and not at.error
        lengths.append(len(at.text_area[0].value))
    assert 0 < lengths[0] < lengths[1]  # the second second of audio joined the first: partial text, growing
