"""Live streams without a page: chunking, ordering, state, dropping stale frames, time limits, errors.

The worker threads here are real; tests wait for them to finish their work
(never on a clock) and then check what fn saw.
"""

from __future__ import annotations

import threading
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stface as gr
from stface.components._codecs import AudioClip
from stface.components.image import LiveFrame
from stface.stream_media import AudioChunker, StreamedAudio, check_streaming, join_clips, resample_mono, streamed_input
from stface.streaming import LiveStream


def wait_for(predicate, what: str) -> None:
    """Poll until the worker has done something (the limit only guards against a hang)."""
    event = threading.Event()
    for _ in range(2000):
        if predicate():
            return
        event.wait(0.01)
    raise AssertionError(f"never happened: {what}")


# -- the options ----------------------------------------------------------------


def test_streaming_sources_default_to_the_device_in_both_gradio_spellings():
    assert gr.Image(streaming=True).sources == ["webcam"]
    assert gr.Image(source="webcam", streaming=True).streaming
    assert gr.Audio(streaming=True).sources == ["microphone"]
    assert gr.Audio(source="microphone", streaming=True).streaming
    assert gr.Audio(sources=["microphone", "upload"], streaming=True).sources == ["microphone", "upload"]


def test_streaming_from_something_else_than_the_device_says_what_to_use():
    with pytest.raises(ValueError, match=r"sources=\['webcam'\].*source='webcam'"):
        gr.Image(sources=["upload", "webcam"], streaming=True)
    with pytest.raises(ValueError, match=r"sources=\['microphone'\]"):
        gr.Audio(sources=["upload"], streaming=True)


def test_interface_options_are_checked():
    webcam = gr.Image(streaming=True)
    assert check_streaming([webcam], True, 0.5, 30) == (0.5, 30.0)
    assert check_streaming([webcam], True, 1, None) == (1.0, None)
    with pytest.raises(ValueError, match="stream_every must be a number of seconds above 0"):
        check_streaming([webcam], True, 0, 30)
    with pytest.raises(ValueError, match="time_limit must be .* or None"):
        check_streaming([webcam], True, 0.5, -1)
    with pytest.raises(ValueError, match="one input per Interface"):
        gr.Interface(lambda a, b: a, [gr.Image(streaming=True), gr.Audio(streaming=True)], "text", live=True)


def test_a_streaming_input_outside_a_live_interface_warns_as_gradio_does():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        demo = gr.Interface(lambda im: im, gr.Image(streaming=True), "image")
    assert any("only supported in live interfaces" in str(w.message) for w in caught)
    assert demo.stream_every == 0.5 and demo.time_limit == 30  # Gradio's defaults
    assert streamed_input(demo.input_components) == 0


def test_webcam_options_mirror_sets_mirror_webcam():
    assert gr.Image(webcam_options=gr.WebcamOptions(mirror=False), streaming=True).mirror_webcam is False


# -- frames ---------------------------------------------------------------------


def test_a_frame_is_mirrored_like_a_webcam_photo_and_handed_over_as_the_type_asked():
    frame = np.zeros((4, 6, 3), dtype=np.uint8)
    frame[:, 0] = 255  # left column white
    mirrored = gr.Image(streaming=True).preprocess(LiveFrame(frame))
    assert mirrored.flags["C_CONTIGUOUS"] and mirrored[:, -1].min() == 255 and mirrored[:, 0].max() == 0
    as_is = gr.Image(streaming=True, mirror_webcam=False, type="pil").preprocess(LiveFrame(frame))
    assert as_is.size == (6, 4) and as_is.getpixel((0, 0)) == (255, 255, 255)
    gray = gr.Image(streaming=True, image_mode="L").preprocess(LiveFrame(frame))
    assert gray.shape == (4, 6)


def test_an_image_output_becomes_an_rgb_frame():
    image = gr.Image()
    assert image.frame_out(np.zeros((2, 3, 3), dtype=np.uint8)).shape == (2, 3, 3)
    assert image.frame_out(np.ones((2, 3), dtype=np.float64)).shape == (2, 3, 3)  # gray floats in 0..1
    flipped = image.frame_out(np.flipud(np.arange(18, dtype=np.uint8).reshape(2, 3, 3)))
    assert flipped.flags["C_CONTIGUOUS"]


def test_frames_reach_fn_newest_first_and_stale_ones_are_dropped_not_queued():
    seen, release = [], threading.Event()

    def slow(frame):
        seen.append(int(frame[0, 0, 0]))
        release.wait()
        return "ok"

    demo = gr.Interface(slow, gr.Image(streaming=True, mirror_webcam=False), "text", live=True)
    stream = LiveStream(demo)
    connection = stream.connection()
    connection.put_frame(LiveFrame(np.zeros((2, 2, 3), dtype=np.uint8)))
    wait_for(lambda: seen == [0], "fn got the first frame")
    for value in range(1, 40):  # fn is busy: each new frame replaces the one waiting
        connection.put_frame(LiveFrame(np.full((2, 2, 3), value, dtype=np.uint8)))
    assert stream.dropped == 38
    release.set()
    wait_for(lambda: seen == [0, 39], "fn got the newest frame next")
    connection.close()
    wait_for(lambda: stream._worker is None, "the worker rested")
    assert seen == [0, 39] and stream.calls == 2


def test_the_live_image_output_goes_to_send_video_and_text_only_changes_are_published():
    demo = gr.Interface(lambda f: (np.flipud(f), f"{f.shape[1]}x{f.shape[0]}"), gr.Image(streaming=True),
                        [gr.Image(), gr.Textbox()], live=True)  # fmt: skip
    stream = LiveStream(demo, video_out=0)
    sent, changes = [], []
    stream.send_video, stream.on_change = sent.append, lambda: changes.append(stream.outputs[1])
    frame = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
    for _ in range(3):
        stream.process_now(LiveFrame(frame))
    assert len(sent) == 3 and np.array_equal(sent[0], np.flipud(frame[:, ::-1]))
    assert changes == ["3x2"]  # the text changed once; the page redraws once


def test_a_video_stream_ends_after_its_time_limit_and_the_next_connection_streams_again():
    seen, ended = [], []
    demo = gr.Interface(lambda f: seen.append(f.shape) or "ok", gr.Image(streaming=True), "text", live=True,
                        time_limit=0.05)  # fmt: skip
    stream = LiveStream(demo)
    stream.on_end = lambda reason, connection: ended.append(reason)
    connection = stream.connection()
    connection.put_frame(LiveFrame(np.zeros((2, 2, 3), dtype=np.uint8)))
    wait_for(lambda: len(seen) == 1, "fn got a frame")
    threading.Event().wait(0.1)  # let the limit pass
    connection.put_frame(LiveFrame(np.zeros((2, 2, 3), dtype=np.uint8)))
    wait_for(lambda: ended == ["time_limit"], "the stream ended")
    assert len(seen) == 1 and connection.ended == "time_limit"
    stream.connection().put_frame(LiveFrame(np.zeros((4, 4, 3), dtype=np.uint8)))
    wait_for(lambda: len(seen) == 2, "a new connection streams")
    assert seen[1] == (4, 4, 3)


# -- audio ----------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(min_value=1, max_value=3000), min_size=1, max_size=30),
       every=st.sampled_from([0.01, 0.02, 0.5]))  # fmt: skip
def test_the_chunker_hands_out_every_sample_once_in_order_in_exact_chunks(sizes, every):
    rate, total = 1000, sum(sizes)
    chunker, out = AudioChunker(every), []
    signal = np.arange(total, dtype=np.int64).astype(np.int16)
    start = 0
    for size in sizes:
        out += chunker.add(signal[start : start + size], rate)
        start += size
    rest = chunker.flush()
    chunks = out + ([rest] if rest is not None else [])
    assert all(len(c.samples) == round(every * rate) for c in out)
    assert np.array_equal(np.concatenate([c.samples for c in chunks]), signal)


def test_the_chunker_stops_at_the_limit_and_a_new_rate_starts_afresh():
    chunker = AudioChunker(0.5, limit=1.2)
    chunks = chunker.add(np.zeros(5000, dtype=np.int16), 1000)
    assert [len(c.samples) for c in chunks] == [500, 500, 200] and chunker.full
    assert chunker.add(np.zeros(100, dtype=np.int16), 1000) == [] and chunker.flush() is None
    switching = AudioChunker(0.5)
    assert switching.add(np.zeros(300, dtype=np.int16), 1000) == []
    (rest,) = switching.add(np.zeros(100, dtype=np.int16), 2000)
    assert rest.sample_rate == 1000 and len(rest.samples) == 300


def listener(log):
    def listen(name, state, chunk):
        rate, samples = chunk
        log.append((name, len(samples), int(samples[0]), int(samples[-1])))
        state = (state or 0) + len(samples)
        return state, f"{name}: {state / rate:.2f} s"

    return listen


def listening(log: list, **options) -> LiveStream:
    """The stream of a live Interface whose fn is ``listener(log)`` (inputs: name, state, streamed audio)."""
    return LiveStream(gr.Interface(listener(log), ["text", "state", gr.Audio(streaming=True)], ["state", "text"],
                                   live=True, **options))  # fmt: skip


def test_chunks_reach_fn_in_order_without_gaps_and_state_carries_across_calls():
    log = []
    stream = listening(log, stream_every=0.5)
    stream.inputs = ["ada", None, None]
    connection = stream.connection()
    signal = (np.arange(48000 * 2) % 30000).astype(np.int16)
    for start in range(0, len(signal), 960):  # 20 ms WebRTC frames, as identical stereo
        part = signal[start : start + 960]
        connection.put_samples(np.stack([part, part], axis=1), 48000)
    wait_for(lambda: len(log) == 4, "four chunks")
    connection.close()
    wait_for(lambda: stream._worker is None, "the worker rested")
    assert [entry[1] for entry in log] == [24000] * 4
    firsts = [entry[2] for entry in log]
    assert firsts == [int(signal[i]) for i in range(0, 96000, 24000)]  # each chunk starts where the last ended
    assert stream.holder.state == 96000 and stream.outputs[1] == "ada: 2.00 s"


def test_a_new_connection_keeps_the_state_and_ignores_late_audio_of_the_old_one():
    log = []
    stream = listening(log, stream_every=0.1)
    first, second = stream.connection(), stream.connection()
    first.put_samples(np.ones(1500, dtype=np.int16), 10000)
    first.close()
    wait_for(lambda: len(log) == 2, "the first stream's chunk and its remainder")
    second.put_samples(np.full(1000, 2, dtype=np.int16), 10000)
    first.put_samples(np.full(1000, 9, dtype=np.int16), 10000)  # a late frame of the stopped stream
    second.close()
    wait_for(lambda: len(log) == 3, "the second stream's chunk")
    assert [(n, first_sample) for _, n, first_sample, _ in log] == [(1000, 1), (500, 1), (1000, 2)]
    assert stream.holder.state == 2500


def test_time_limit_ends_the_stream_at_exactly_that_much_audio():
    log, ended = [], []
    stream = listening(log, stream_every=0.5, time_limit=1.2)
    stream.on_end = lambda reason, connection: ended.append(reason)
    connection = stream.connection()
    for _ in range(20):
        connection.put_samples(np.zeros(1000, dtype=np.int16), 10000)
    wait_for(lambda: ended == ["time_limit"] and len(log) == 3, "the stream ended")
    assert [entry[1] for entry in log] == [5000, 5000, 2000] and connection.ended == "time_limit"


def test_when_fn_falls_far_behind_waiting_chunks_join_without_a_gap():
    log, release = [], threading.Event()

    def slow(chunk):
        log.append(len(chunk[1]))
        release.wait()
        return "ok"

    demo = gr.Interface(slow, gr.Audio(streaming=True), "text", live=True, stream_every=0.5)
    stream = LiveStream(demo)
    connection = stream.connection()
    connection.put_samples(np.zeros(100, dtype=np.int16), 200)  # one chunk: fn starts on it and waits
    wait_for(lambda: log == [100], "fn started")
    for _ in range(30):  # 30 more chunks while fn is busy: more than the 20 that may wait
        connection.put_samples(np.zeros(100, dtype=np.int16), 200)
    assert len(stream._chunks) < 30
    release.set()
    connection.close()
    wait_for(lambda: stream._worker is None, "the worker rested")
    assert sum(log) == 31 * 100  # every sample reached fn


def test_an_error_is_kept_once_ends_the_stream_and_the_next_stream_starts_clean():
    calls = []

    def fragile(chunk):
        calls.append(len(chunk[1]))
        if len(calls) == 2:
            raise gr.Error("the model fell over")
        return "ok"

    demo = gr.Interface(fragile, gr.Audio(streaming=True), "text", live=True, stream_every=0.1)
    stream, ended = LiveStream(demo), []
    stream.on_end = lambda reason, connection: ended.append(reason)
    connection = stream.connection()
    for _ in range(5):
        connection.put_samples(np.zeros(1000, dtype=np.int16), 10000)
    wait_for(lambda: ended == ["error"], "the stream ended")
    connection.close()
    wait_for(lambda: stream._worker is None, "the worker rested")
    assert stream.error == "the model fell over" and len(calls) == 2
    stream.connection().put_samples(np.zeros(1000, dtype=np.int16), 10000)
    wait_for(lambda: len(calls) == 3, "the next stream ran")
    assert stream.error is None


def test_an_unexpected_exception_shows_a_generic_message_unless_show_error():
    demo = gr.Interface(lambda chunk: 1 / 0, gr.Audio(streaming=True), "text", live=True)
    stream = LiveStream(demo)
    stream.feed_clip_now((8000, np.zeros(8000, dtype=np.int16)))
    assert stream.error.startswith("Something went wrong")
    demo.launch_options.show_error = True
    stream.feed_clip_now((8000, np.zeros(8000, dtype=np.int16)))
    assert stream.error == "ZeroDivisionError: division by zero"


def test_a_recording_fed_at_once_streams_as_chunks_with_state():
    log = []
    stream = listening(log, stream_every=0.25)
    stream.inputs = ["bo", None, None]
    stream.feed_clip_now((8000, np.zeros((8000, 2), dtype=np.float32)))
    assert [entry[1] for entry in log] == [2000] * 4 and stream.outputs[1] == "bo: 1.00 s"


# -- streamed audio outputs -------------------------------------------------------


def test_streamed_output_chunks_are_drawn_newest_first_and_joined_at_the_end():
    streamed = StreamedAudio([gr.Textbox(), gr.Audio(streaming=True, autoplay=True)])
    for n in range(6):
        outputs = [str(n), AudioClip(8000, np.full(800, n, dtype=np.int16))]
        streamed.add(outputs)
        shown = streamed.playing(outputs, n)
        seqs = [seq for seq, _ in shown[1].parts]
        assert shown[0] == str(n) and seqs == list(range(max(0, n - 3), n + 1))  # the newest four
        assert int(shown[1].parts[-1][1].samples[0]) == n
    final = streamed.joined(outputs)
    assert final[0] == "5" and final[1].samples.tolist() == sum(([n] * 800 for n in range(6)), [])
    assert [seq for seq, _ in final[1].tail.parts] == [2, 3, 4, 5]  # a player still owed the last ones gets them
    assert gr.Audio().as_python(final[1])[0] == 8000  # still an AudioClip wherever one is expected
    with pytest.raises(gr.Error, match="share one sample rate"):
        streamed.add(["x", AudioClip(16000, np.zeros(10, dtype=np.int16))])


def test_joining_mono_and_stereo_and_resampling_for_webrtc():
    joined = join_clips([AudioClip(10, np.ones(3, dtype=np.int16)), AudioClip(10, np.zeros((2, 2), dtype=np.int16))])
    assert joined.samples.shape == (5, 2)
    assert len(resample_mono(AudioClip(16000, np.zeros(1600, dtype=np.int16)), 48000)) == 4800
    stereo = resample_mono(AudioClip(48000, np.array([[100, 300]] * 10, dtype=np.int16)), 48000)
    assert stereo.dtype == np.int16 and set(stereo.tolist()) == {200}
