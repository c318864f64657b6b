import subprocess
import sys
import textwrap

from streamlit.testing.v1 import AppTest

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
    assert (tmp_path / "requirements.txt").read_text() == "stface\n"
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
