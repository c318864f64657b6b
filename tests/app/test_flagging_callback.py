"""A custom FlaggingCallback on a real page: called as Gradio calls it (setup once, flag per sample)."""

from __future__ import annotations

import itertools
import sys
import textwrap
from pathlib import Path

from app_support import button, run_script

_names = itertools.count()

APP = """
import numpy as np
import stface as gr


class Recorder(gr.FlaggingCallback):
    def __init__(self, fail=False):
        self.calls, self.fail = [], fail

    def setup(self, components, flagging_dir):
        self.calls.append(("setup", list(components), flagging_dir))

    def flag(self, flag_data, flag_option="", username=None):
        if self.fail:
            raise RuntimeError("the store is down")
        self.calls.append(("flag", flag_data, flag_option, username))
        return sum(call[0] == "flag" for call in self.calls)


def judge(text):
    return text.upper(), dict(long=len(text) / 10, short=1 - len(text) / 10), np.full((4, 6, 3), 200, np.uint8)


recorder = Recorder(fail={fail})
demo = gr.Interface(judge, gr.Textbox(label="text"), [gr.Textbox(label="loud"), gr.Label(label="verdict"), "image"],
                    flagging_callback=recorder, flagging_dir={folder!r}, {options})
"""


def page(tmp_path: Path, *, fail: bool = False, launch: str = "", **options):
    """The app lives in a module imported once per process, as ``stface launch`` and ``python app.py`` run it."""
    name = f"flag_app_{next(_names)}"
    args = ", ".join(f"{k}={v!r}" for k, v in options.items())
    (tmp_path / f"{name}.py").write_text(APP.format(fail=fail, folder=str(tmp_path / "flags"), options=args))
    at = run_script(
        textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(tmp_path)!r})
    import {name}
    {name}.demo.launch({launch})
    """)
    )
    return at, sys.modules[name]


def submit(at, text: str):
    at.text_input[0].input(text)
    button(at, "Submit").click().run()
    assert not at.exception


def test_setup_once_then_flag_with_gradios_values_option_and_username(tmp_path):
    at, app = page(tmp_path, flagging_options=["wrong", "rude"])
    submit(at, "hello")
    submit(at, "hi")
    setups = [call for call in app.recorder.calls if call[0] == "setup"]
    assert len(setups) == 1  # once, when the Interface was built; never per rerun
    _, components, folder = setups[0]
    assert [c.label for c in components] == ["text", "loud", "verdict", "output 2"]
    assert [c is d for c, d in zip(components, app.demo.input_components + app.demo.output_components)] == [True] * 4
    assert folder == str(tmp_path / "flags")

    button(at, "Flag as rude").click().run()
    assert "Flagged" in at.caption[-1].value
    (_, data, option, username) = app.recorder.calls[-1]
    assert option == "rude" and username is None  # nobody logged in, as Gradio's request.username
    assert data[:3] == ["hi", "HI", {"label": "short", "confidences": [
        {"label": "short", "confidence": 0.8}, {"label": "long", "confidence": 0.2}]}]  # fmt: skip
    image = data[3]
    assert image["meta"] == {"_type": "gradio.FileData"} and image["mime_type"] == "image/png"
    assert (
        Path(image["path"]).read_bytes().startswith(b"\x89PNG") and image["size"] == Path(image["path"]).stat().st_size
    )


def test_the_logged_in_person_is_the_username(tmp_path):
    at, app = page(tmp_path, launch='auth=("ada", "lovelace")')
    at.text_input[0].input("ada")
    at.text_input[1].input("lovelace")
    at.button[0].click().run()
    submit(at, "hi")
    button(at, "Flag").click().run()
    assert app.recorder.calls[-1][2:] == ("", "ada")  # the plain Flag button's option is "", as in Gradio 3


def test_gradio_3_auto_flagging_flags_the_inputs_of_each_submit(tmp_path):
    at, app = page(tmp_path, allow_flagging="auto")
    assert [c.label for c in app.recorder.calls[0][1]] == ["text"]  # setup with the inputs, as Gradio 3.50
    submit(at, "one")
    submit(at, "two")
    assert not [b for b in at.button if b.label.startswith("Flag")]
    assert [call[1:] for call in app.recorder.calls[1:]] == [(["one"], "", None), (["two"], "", None)]


def test_gradio_4_auto_flagging_flags_inputs_and_outputs(tmp_path):
    at, app = page(tmp_path, flagging_mode="auto")
    assert len(app.recorder.calls[0][1]) == 4
    submit(at, "one")
    (_, data, option, _) = app.recorder.calls[-1]
    assert data[:2] == ["one", "ONE"] and data[3]["path"].endswith(".png") and option == ""


def test_never_sets_nothing_up(tmp_path):
    at, app = page(tmp_path, allow_flagging="never")
    submit(at, "one")
    assert app.recorder.calls == []


def test_a_failing_callback_is_reported_and_the_page_keeps_serving(tmp_path):
    at, _ = page(tmp_path, fail=True)
    submit(at, "first")
    button(at, "Flag").click().run()
    assert not at.exception
    assert at.caption[-1].value == "Could not save the flag; please try again."
    submit(at, "second")
    assert at.text_area[0].value == "SECOND"


def test_a_failing_automatic_flag_is_reported_and_the_answer_still_shown(tmp_path):
    at, _ = page(tmp_path, fail=True, allow_flagging="auto")
    submit(at, "first")
    assert at.text_area[0].value == "FIRST"
    assert at.caption[-1].value == "Could not save the flag."
    submit(at, "second")
    assert at.text_area[0].value == "SECOND"


def test_the_default_callback_is_a_csv_logger(tmp_path):
    at = run_script(
        textwrap.dedent(f"""
    import stface as gr
    gr.Interface(lambda s: s.upper(), "text", "text", flagging_dir={str(tmp_path)!r}).launch()
    """)
    )
    submit(at, "hi")
    button(at, "Flag").click().run()
    assert (tmp_path / "log.csv").read_text().splitlines()[1].startswith("hi,HI,,,")
