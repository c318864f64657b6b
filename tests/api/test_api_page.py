"""The page's "Use via API" expander, in a real Streamlit script run (AppTest)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

SCRIPT = """
import stface as gr
import stface.api
from stface.runtime.api_page import use_via_api

def greet(name, image):
    "Say hello [x](javascript:alert(1))."
    return "Hello " + name

demo = gr.Interface(greet, [gr.Textbox(label="name"), gr.Image()], "text", api_name="greet")
hidden = gr.Interface(greet, [gr.Textbox(label="name"), gr.Image()], "text", show_api=False)
demo.launch_options.auth = AUTH
if SERVED:
    stface.api.api_routes(lambda: demo)  # what the generated scripts do under stface launch
else:
    stface.api._serving = False  # a bare `streamlit run` of an unexported script
use_via_api(demo, expanded=True)
use_via_api(hidden)
"""


def run(served: bool, auth: object = None) -> AppTest:
    source = SCRIPT.replace("SERVED", repr(served)).replace("AUTH", repr(auth))
    return AppTest.from_string(source, default_timeout=30).run()


def test_snippets_for_python_and_curl():
    at = run(served=True)
    assert [e.label for e in at.expander] == ["Use via API"]  # the hidden endpoint draws nothing
    python, curl = (block.value for block in at.code)
    assert "from gradio_client import Client, handle_file" in python
    assert 'client = Client("http://127.0.0.1:7860/")' in python
    assert "name='Hello!!'," in python and "image=handle_file('bus.png')," in python and 'api_name="/greet"' in python
    assert "/gradio_api/upload -F files=@bus.png" in curl and "/gradio_api/call/greet" in curl
    assert "javascript:" not in " ".join(c.value for c in at.caption)


def test_snippets_log_in_when_the_app_has_auth():
    at = run(served=True, auth=("ada", "pw"))
    python, curl = (block.value for block in at.code)
    assert 'auth=("username", "password")' in python and "/login" in curl and "-b cookies.txt" in curl


def test_without_a_served_api_the_expander_says_how_to_get_one():
    at = run(served=False)
    assert not at.code
    assert "stface launch" in at.info[0].value


def test_by_default_a_small_button_opens_the_snippets_in_a_dialog():
    source = SCRIPT.replace("SERVED", "True").replace("AUTH", "None").replace("use_via_api(demo, expanded=True)", "use_via_api(demo)")
    at = AppTest.from_string(source, default_timeout=30).run()
    assert not at.expander and not at.code  # one button, no snippets until asked for
    (button,) = [b for b in at.button if b.label == "Use via API"]
    button.click().run()
    assert any("/gradio_api/call/greet" in block.value for block in at.code)


def test_a_bare_streamlit_run_of_an_app_says_how_to_get_the_api(tmp_path):
    import subprocess
    import sys

    app = tmp_path / "bare.py"
    app.write_text("import stface as gr\ngr.Interface(str.upper, 'text', 'text').launch()\n")
    script = ("from streamlit.testing.v1 import AppTest\n"
              f"at = AppTest.from_file({str(app)!r}, default_timeout=30).run()\nat.run()\nassert not at.exception\n")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("stface: The API is served")]
    assert len(said) == 1 and "stface launch app.py" in said[0]  # once per process, not per rerun
