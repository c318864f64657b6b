import subprocess
import sys
import textwrap

from streamlit.testing.v1 import AppTest

import stface
from stface.cli import main

APP = """
import stface as gr
demo = gr.Interface(lambda name: "Hi " + name, gr.Textbox(label="name"), "text", title="Exported")
"""


def test_export_writes_a_runnable_entrypoint_and_requirements(tmp_path, capsys):
    app = tmp_path / "app.py"
    app.write_text(textwrap.dedent(APP))
    assert main(["export", str(app)]) == 0
    script = tmp_path / "streamlit_app.py"
    text = script.read_text()
    assert "Textbox('name') -> Textbox('output')" in text
    assert (tmp_path / "requirements.txt").read_text() == f"stface=={stface.__version__}\n"
    assert "gatherUsageStats = false" in (tmp_path / ".streamlit" / "config.toml").read_text()
    at = AppTest.from_file(str(script), default_timeout=30).run()
    at.text_input[0].input("Ada")
    [b for b in at.button if b.label == "Submit"][0].click().run()
    assert at.text_area[0].value == "Hi Ada"


def test_export_keeps_an_existing_requirements_file_and_honours_output(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(textwrap.dedent(APP))
    (tmp_path / "requirements.txt").write_text("stface\ntorch\n")
    out = tmp_path / "deploy" / "main.py"
    out.parent.mkdir()
    assert main(["export", str(app), "-o", str(out)]) == 0
    assert "'../app.py'" in out.read_text()
    assert (tmp_path / "requirements.txt").read_text() == "stface\ntorch\n"
    assert main(["export", str(app), "-o", str(app)]) == 1


def test_errors_are_one_line_on_stderr_with_exit_code_1(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "stface", "launch", str(tmp_path / "missing.py")], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"stface: App file not found: {tmp_path / 'missing.py'}. Check the path, e.g. `stface launch app.py`."]
    empty = tmp_path / "empty.py"
    empty.write_text("x = 1\n")
    result = subprocess.run([sys.executable, "-m", "stface", "export", str(empty)], capture_output=True, text=True)
    assert result.returncode == 1 and "No stface Interface found" in result.stderr


RICH_APP = """
import numpy as np
from PIL import Image

import stface as gr
from helper_mod import shout

demo = gr.Interface(
    lambda text, picture: shout(text),
    [gr.Textbox(label="text"), gr.Image(label="picture")],
    "label",
    examples=[["hi", "pictures/cat.png"]],
    css="body {background: url('file=static/bg.png')}",
    interpretation="default",
    theme=gr.themes.Soft(primary_hue="red"),
)
demo.launch(max_file_size="3mb", show_error=True)
"""


def test_export_pins_what_the_app_imports_and_copies_what_it_names(tmp_path):
    import importlib.metadata

    source = tmp_path / "src"
    (source / "pictures").mkdir(parents=True)
    (source / "static").mkdir()
    (source / "pictures" / "cat.png").write_bytes(b"png")
    (source / "static" / "bg.png").write_bytes(b"png")
    (source / "secret.txt").write_text("not named by the app")
    (source / "helper_mod.py").write_text("import requests\n\ndef shout(text):\n    return {text.upper(): 1.0}\n")
    (source / "app.py").write_text(RICH_APP)
    out = tmp_path / "deploy"
    assert main(["export", str(source / "app.py"), "--out-dir", str(out)]) == 0
    requirements = (out / "requirements.txt").read_text().splitlines()
    assert requirements[0] == f"stface[interpret]=={stface.__version__}"
    for dist in ("numpy", "pillow", "requests"):  # the app's and its helper module's imports, pinned
        assert f"{dist}=={importlib.metadata.version(dist)}" in requirements
    assert not any(line.startswith(("helper", "stface==")) for line in requirements[1:])
    copied = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert copied == [".streamlit/config.toml", "app.py", "helper_mod.py", "pictures/cat.png", "requirements.txt",
                      "static/bg.png", "streamlit_app.py"]  # fmt: skip
    config = (out / ".streamlit" / "config.toml").read_text()
    assert "maxUploadSize = 3" in config and 'showErrorDetails = "full"' in config and 'primaryColor = "#ef4444"' in config
    assert "'app.py'" in (out / "streamlit_app.py").read_text()
    assert main(["export", str(source / "app.py"), "--out-dir", str(source)]) == 1  # not over the app's own folder
