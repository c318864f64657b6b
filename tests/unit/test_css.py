import base64

import pytest

import stface as gr
from stface.css import prepare_css


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "app"
    (folder / "static").mkdir(parents=True)
    (folder / "static" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    (folder / "font.woff2").write_bytes(b"wOF2")
    (folder / ".env").write_text("SECRET=1")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]")
    (folder / "notes.txt").write_text("text")
    evil = tmp_path / "app_evil"
    evil.mkdir()
    (evil / "x.png").write_bytes(b"evil")
    (folder / "escape.png").symlink_to(evil / "x.png")
    return folder


def test_root_selectors_also_target_the_streamlit_app():
    css = prepare_css("body {background-color: red}", None)
    assert css == 'body ,[data-testid="stApp"] {background-color: red}'
    assert '[data-testid="stApp"] .x' in prepare_css(".gradio-container .x {color: blue}", None)
    assert prepare_css("h1 {color: blue}", None) == "h1 {color: blue}"
    assert prepare_css(".tbody {color: blue}", None) == ".tbody {color: blue}"


def test_css_files_are_read(tmp_path):
    path = tmp_path / "style.css"
    path.write_text("h2 {color: green}")
    assert prepare_css(str(path), None) == "h2 {color: green}"


@pytest.mark.parametrize(
    ("reference", "mime"),
    [("static/logo.png", "image/png"), ("font.woff2", "font/woff2"), ("static/../static/logo.png", None)],
)
def test_images_and_fonts_in_the_app_folder_are_inlined(app, reference, mime):
    if mime is None:
        with pytest.raises(ValueError, match="leaves the app folder"):
            prepare_css(f"h1 {{background: url('file={reference}')}}", str(app))
        return
    css = prepare_css(f"h1 {{background: url(\"file={reference}\")}}", str(app))
    assert f"data:{mime};base64," in css and "file=" not in css
    encoded = css.split("base64,")[1].split("'")[0]
    assert base64.b64decode(encoded) == (app / reference).read_bytes()


@pytest.mark.parametrize(
    "reference",
    [
        "/etc/passwd",
        "../../x",
        "%2e%2e/x",
        ".env",
        ".git/config",
        "escape.png",
        "../app_evil/x.png",
        "\\\\server\\share\\x.png",
        "C:\\Windows\\x.png",
        "~/.ssh/id_rsa",
        "notes.txt",
        "missing.png",
        "",
    ],
)
def test_escapes_and_non_media_are_refused_and_nothing_is_read(app, reference):
    with pytest.raises(ValueError, match=r"css: url\('file="):
        prepare_css(f"h1 {{background: url('file={reference}')}}", str(app))


def test_interface_refuses_bad_css_at_construction(tmp_path):
    with pytest.raises(ValueError, match="outside the app folder|leaves the app folder"):
        gr.Interface(lambda s: s, "text", "text", css="body {background: url('file=../../etc/passwd')}")


def test_css_cannot_close_its_style_element():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(
        "import stface as gr\n"
        "gr.Interface(lambda s: s, 'text', 'text', css='h1 {color: red} </style><img src=x onerror=alert(1)>').launch()\n"
    ).run()
    styles = [h.value for h in at.get("html") if "color: red" in h.value]
    assert len(styles) == 1 and "</style><img" not in styles[0] and styles[0].count("</style>") == 1


def test_css_paths_follow_css_in_gradios_order_and_are_found_beside_the_app(tmp_path, monkeypatch):
    (tmp_path / "one.css").write_text(".one {color: red}")
    (tmp_path / "two.css").write_text("body {margin: 0}")
    monkeypatch.chdir(tmp_path)
    demo = gr.Interface(lambda s: s, "text", "text", css=".zero {color: blue}", css_paths=["one.css", tmp_path / "two.css"])
    assert demo.css.index(".zero") < demo.css.index(".one") < demo.css.index("body")
    assert '[data-testid="stApp"]' in demo.css  # files are retargeted like css=
    chat = gr.ChatInterface(lambda m, h: m, css_paths="one.css")
    assert chat.css.strip() == ".one {color: red}"
    with pytest.raises(FileNotFoundError, match="css_paths: 'missing.css' is not a file"):
        gr.Interface(lambda s: s, "text", "text", css_paths="missing.css")


def test_tabbed_css_is_prepared_as_an_interfaces_is(tmp_path):
    tabs = gr.TabbedInterface([gr.Interface(lambda s: s, "text", "text")], css="body {margin: 0}")
    assert '[data-testid="stApp"]' in tabs.css
    with pytest.raises(ValueError, match="leaves the app folder"):
        gr.TabbedInterface([gr.Interface(lambda s: s, "text", "text")], css="h1 {background: url('file=../x.png')}")


def test_launch_style_replaces_only_what_launch_gives():
    from stface.runtime.options import LaunchOptions

    demo = gr.Interface(lambda s: s, "text", "text", theme="soft", css=".built {color: red}")
    demo.use_launch_style(LaunchOptions.from_kwargs(css=".launched {color: blue}"))
    assert ".launched" in demo.css and ".built" not in demo.css and demo.theme == "soft"
    demo.use_launch_style(LaunchOptions.from_kwargs())
    assert ".launched" in demo.css  # a launch without styles changes nothing
