"""Record interpretation parity fixtures from Gradio 3.50.2 (tests/fixtures/interpretation/).

Runs in Gradio 3.50's own virtual environment, built by `make bench`:

    bench/.gradio350/bin/python scripts/record_interpretation_fixtures.py           # write the cases below
    bench/.gradio350/bin/python scripts/record_interpretation_fixtures.py --check   # re-record every fixture, compare

Each case is a fixture without its ``expected`` field; an input spec may hold
``interpret_parameters`` (the keyword arguments of Gradio's
``set_interpret_parameters``). Interpretation is called as Gradio's Interpret
button calls it: ``Interface.interpret(raw_input)`` on what the browser sends
(an image as a base64 PNG data URL, a sound as an uploaded file's dict).
``--check`` records every fixture in the folder again from its own fields
and says whether Gradio still answers exactly what the file holds.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import runpy
import sys
import warnings
from pathlib import Path

warnings.simplefilter("ignore")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "interpretation"

CASES = [
    {"name": "text_separator_replacement", "model": "gender", "interpretation": "default",
     "inputs": [{"component": "Textbox", "kwargs": {}, "interpret_parameters": {"separator": ",", "replacement": "it"}}],
     "outputs": [{"component": "Label", "kwargs": {}}], "input_values": ["she said, he was late, for her class, his"]},
    {"name": "number_absolute_steps", "model": "square", "interpretation": "default",
     "inputs": [{"component": "Number", "kwargs": {},
                 "interpret_parameters": {"steps": 2, "delta": 5, "delta_type": "absolute"}}],
     "outputs": [{"component": "Number", "kwargs": {}}], "input_values": [40.0]},
    {"name": "slider_five_steps", "model": "temperature_label", "interpretation": "default",
     "inputs": [{"component": "Slider", "kwargs": {"minimum": 0, "maximum": 100},
                 "interpret_parameters": {"steps": 5}}],
     "outputs": [{"component": "Label", "kwargs": {}}], "input_values": [63.0]},
    {"name": "image_eight_segments", "model": "colour_label", "interpretation": "default",
     "inputs": [{"component": "Image", "kwargs": {}, "interpret_parameters": {"segments": 8}}],
     "outputs": [{"component": "Label", "kwargs": {}}],
     "input_values": ["image_colour_default.png"], "input_files": ["image_colour_default.png"]},
    {"name": "audio_four_segments", "model": "loudness_label", "interpretation": "default",
     "inputs": [{"component": "Audio", "kwargs": {}, "interpret_parameters": {"segments": 4}}],
     "outputs": [{"component": "Label", "kwargs": {}}],
     "input_values": ["audio_rising_tone.wav"], "input_files": ["audio_rising_tone.wav"]},
    {"name": "audio_default", "model": "loudness_label", "interpretation": "default",
     "inputs": [{"component": "Audio", "kwargs": {}}], "outputs": [{"component": "Label", "kwargs": {}}],
     "input_values": ["audio_rising_tone.wav"], "input_files": ["audio_rising_tone.wav"]},
]  # fmt: skip


def _raw(value, spec: dict, files: list[str]):
    """What Gradio 3.50's browser sends for this input."""
    if value not in files:
        return value
    data = (FIXTURES / value).read_bytes()
    if spec["component"] == "Image":
        return "data:image/png;base64," + base64.b64encode(data).decode()
    if spec["component"] == "Audio":  # an uploaded file, as Gradio 3.50's Audio sends it
        return {"name": value, "data": "data:audio/wav;base64," + base64.b64encode(data).decode(), "is_file": False}
    raise ValueError(f"no browser payload known for a {spec['component']} file input")


def record(case: dict) -> dict:
    demo = runpy.run_path(str(FIXTURES / "interface.py"))["interface"](gradio, case, analytics_enabled=False)
    files = case.get("input_files", [])
    raw = [_raw(value, spec, files) for value, spec in zip(case["input_values"], case["inputs"])]
    answers = asyncio.new_event_loop().run_until_complete(demo.interpret(raw))
    expected = json.loads(json.dumps([answer["interpretation"] for answer in answers]))  # tuples as lists
    return {**{"num_shap": 2.0}, **case, "expected": expected}


def main() -> None:
    if "--check" in sys.argv:
        differing = []
        for path in sorted(FIXTURES.glob("*.json")):
            fixture = json.loads(path.read_text())
            same = record({k: v for k, v in fixture.items() if k != "expected"})["expected"] == fixture["expected"]
            print(f"{'same' if same else 'DIFFERENT'}: {path.name}")
            differing += [] if same else [path.name]
        sys.exit(1 if differing else 0)
    print(f"Gradio {gradio.__version__}")
    for case in CASES:
        path = FIXTURES / f"{case['name']}.json"
        path.write_text(json.dumps(record(case), indent=1) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
