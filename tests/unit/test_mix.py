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


def _sentiment(text):
    good = sum(w in ("good", "great") for w in text.split())
    return {"positive": good / max(len(text.split()), 1), "negative": 1 - good / max(len(text.split()), 1)}


@pytest.mark.parametrize("method", ["default", "shap"])
def test_parallel_interpretation_explains_the_composed_function(method):
    mood = gr.Interface(_sentiment, "text", "label", title="mood")
    echo = gr.Interface(str.upper, "text", "text", title="echo")
    both = gr.Parallel(mood, echo, interpretation=method, num_shap=20)
    (explanation,) = both.interpret("a good day")
    alone = gr.Interface(_sentiment, "text", "label", interpretation=method, num_shap=20).interpret("a good day")[0]
    assert [token for token, _ in explanation] == ["a", " ", "good", " ", "day", " "]
    assert [round(score, 9) for _, score in explanation] == [round(score, 9) for _, score in alone]


def test_series_interpretation_runs_every_stage():
    words = gr.Interface(lambda s: s.replace("bad", "good"), "text", "text")
    mood = gr.Interface(_sentiment, "text", "label")
    (explanation,) = gr.Series(words, mood, interpretation="default").interpret("bad day")
    # "bad" becomes "good" in stage 1, so it is what makes the text positive
    assert dict(explanation[::2]) == {"bad": pytest.approx(0.5), "day": pytest.approx(-0.5)}


def test_mixes_belong_to_the_folder_of_the_file_that_builds_them(tmp_path):
    (tmp_path / "static").mkdir()
    PILImage.new("RGB", (2, 2), (255, 0, 0)).save(tmp_path / "static" / "red.png")
    app = tmp_path / "app.py"
    source = (
        "import stface as gr\n"
        "a = gr.Interface(str.upper, 'text', 'text')\n"
        "demo = gr.Series(a, gr.Interface(str.lower, 'text', 'text'), css=\"body {background: url('file=static/red.png')}\")\n"
        "both = gr.Parallel(a, a)\n"
    )
    app.write_text(source)
    names: dict = {}
    exec(compile(source, str(app), "exec"), names)
    assert names["demo"].app_dir == names["both"].app_dir == str(tmp_path)
    assert "url('data:image/png;base64," in names["demo"].css


def test_a_parallel_part_with_other_conversions_gets_its_own_values():
    def size(image):
        return str(image.size) if isinstance(image, PILImage.Image) else "not PIL"

    as_array = gr.Interface(lambda image: str(image.shape), gr.Image(), "text", title="array")
    as_pil = gr.Interface(size, gr.Image(type="pil"), "text", title="pil")
    assert gr.Parallel(as_array, as_pil)(np.zeros((3, 5, 3), dtype=np.uint8)) == ["(3, 5, 3)", "(5, 3)"]


def test_examples_flagging_and_batched_parts_work_on_a_mix(tmp_path):
    def shout_all(texts):
        return [[t.upper() for t in texts]]

    shout = gr.Interface(shout_all, "text", "text", batch=True)
    mix = gr.Series(shout, gr.Interface(lambda s: s + "!", "text", "text"), examples=[["hi"]], flagging_dir=str(tmp_path))
    assert mix.examples == [["hi"]] and mix("hi") == "HI!"
    outputs = mix.predict(["hey"])
    mix.flagging_callback.flag(["hey", *outputs])
    assert (tmp_path / "log.csv").read_text().splitlines()[1].startswith("hey,HEY!")


def test_a_mix_refuses_what_cannot_work_when_it_is_built():
    upper = gr.Interface(str.upper, "text", "text")
    with pytest.raises(ValueError, match="batch=True"):
        gr.Parallel(upper, upper, batch=True)
    with pytest.raises(TypeError, match="pass only Interface options"):
        gr.Series(upper, fn=str.lower)
