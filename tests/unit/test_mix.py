import threading
import time

import numpy as np
import pytest
from PIL import Image as PILImage

import stface as gr


def test_parallel_runs_every_fn_on_the_same_values_and_labels_by_source():
    upper = gr.Interface(str.upper, "text", "text", title="upper")
    lower = gr.Interface(str.lower, "text", gr.Label(), title="lower")
    both = gr.Parallel(upper, lower)
    assert [c.label for c in both.output_components] == ["output (upper)", "output (lower)"]
    assert both("MiXed") == ["MIXED", "mixed"]
    assert upper.output_components[0].label == "output"  # the parts are not changed


def test_parallel_runs_concurrently():
    started = []
    barrier = threading.Barrier(2, timeout=5)

    def slow(text):
        started.append(time.monotonic())
        barrier.wait()  # both must be running at once to pass
        return text

    assert gr.Parallel(gr.Interface(slow, "text", "text"), gr.Interface(slow, "text", "text"))("x") == ["x", "x"]


def test_series_passes_values_through_the_components_conversions():
    def make_image(n):
        return np.full((4, 4, 3), int(n), dtype=np.uint8)

    def describe(image):
        assert isinstance(image, PILImage.Image)
        return f"{image.mode} {image.size} {image.getpixel((0, 0))}"

    chain = gr.Series(gr.Interface(make_image, "number", "image"), gr.Interface(describe, gr.Image(type="pil"), "text"))
    assert chain(7) == "RGB (4, 4) (7, 7, 7)"


def test_series_of_label_into_text():
    chain = gr.Series(
        gr.Interface(lambda s: "positive" if "good" in s else "negative", "text", "label"),
        gr.Interface(lambda label: f"verdict: {label}", "text", "text"),
    )
    assert chain("good day") == "verdict: positive"


def test_mixes_nest_and_are_interfaces():
    shout = gr.Interface(str.upper, "text", "text", title="shout")
    exclaim = gr.Interface(lambda s: s + "!", "text", "text", title="exclaim")
    echo = gr.Interface(lambda s: s, "text", "text", title="echo")
    nested = gr.Parallel(gr.Series(shout, exclaim), echo)
    assert isinstance(nested, gr.Interface)
    assert nested("hi") == ["HI!", "hi"]
    assert gr.Series(nested, gr.Interface(lambda a, b: a + b, ["text", "text"], "text"))("hi") == "HI!hi"


def test_parallel_needs_the_same_kinds_of_inputs():
    with pytest.raises(ValueError, match="interface 2 \\('nums'\\) takes inputs \\['Number'\\], but interface 1 \\('text'\\)"):
        gr.Parallel(gr.Interface(str.upper, "text", "text", title="text"), gr.Interface(abs, "number", "number", title="nums"))


def test_series_checks_arity_between_stages_and_names_them():
    two = gr.Interface(lambda s: (s, s), "text", ["text", "text"], title="split")
    one = gr.Interface(str.upper, "text", "text", title="upper")
    with pytest.raises(ValueError, match="stage 1 \\('split'\\) returns 2 output\\(s\\) but stage 2 \\('upper'\\) takes 1"):
        gr.Series(two, one)


def test_mixes_refuse_non_interfaces_and_state():
    with pytest.raises(TypeError, match="one or more stface Interfaces"):
        gr.Series(str.upper)
    stateful = gr.Interface(lambda s, h=0: (s, h), ["text", "state"], ["text", "state"])
    with pytest.raises(ValueError, match="State"):
        gr.Parallel(stateful)


def test_a_failing_stage_reports_its_error():
    bad = gr.Interface(lambda s: 1 / 0, "text", "text")
    with pytest.raises(ZeroDivisionError):
        gr.Series(gr.Interface(str.upper, "text", "text"), bad)("x")
