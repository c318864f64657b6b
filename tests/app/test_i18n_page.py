"""gr.I18n and gr.BrowserState in the page (AppTest): each session sees its browser's language; state per session."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

HEADER = """
import stface as gr
i18n = gr.I18n(
    en={"name": "Your name", "hint": "Type a name", "help": "Who to greet", "start": "Ada", "title": "Greeter",
        "intro": "Says hello.", "outro": "Bye for now.", "go": "Greet", "reset": "Reset", "mood": "Mood",
        "happy": "Happy", "sad": "Sad", "answer": "Greeting", "hello": "Hello", "good": "Good one",
        "renamed": "Renamed", "chat": "Chatter", "msg": "Say something", "tab": "First tab"},
    fr={"name": "Votre nom", "hint": "Tapez un nom", "help": "Qui saluer", "start": "Adèle", "title": "Salutations",
        "intro": "Dit bonjour.", "outro": "À bientôt.", "go": "Saluer", "reset": "Effacer", "mood": "Humeur",
        "happy": "Content", "sad": "Triste", "answer": "Salut", "hello": "Bonjour", "good": "Réussi",
        "renamed": "Renommé", "chat": "Bavard", "msg": "Dites quelque chose", "tab": "Premier onglet"},
)
"""
INTERFACE = (
    HEADER
    + """
def greet(name, mood):
    return i18n("hello") + " " + name, gr.update(label=i18n("renamed"))

demo = gr.Interface(
    greet,
    [gr.Textbox(label=i18n("name"), placeholder=i18n("hint"), info=i18n("help"), value=i18n("start")),
     gr.Radio([(i18n("happy"), "happy"), (i18n("sad"), "sad")], value="happy", label=i18n("mood"))],
    [gr.Textbox(label=i18n("answer")), gr.Textbox(label="other")],
    title=i18n("title"), description=i18n("intro"), article=i18n("outro"), submit_btn=i18n("go"),
    clear_btn=i18n("reset"), flagging_options=[(i18n("good"), "good")], flagging_dir="{flags}",
)
demo.launch(i18n=i18n)
"""
)


def _page(source: str, locale: str | None) -> AppTest:
    at = AppTest.from_string(source, default_timeout=30)
    if locale:
        at.context = {"locale": locale}
    return at.run()


def _click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def test_an_interface_is_drawn_in_the_browser_language(tmp_path):
    at = _page(INTERFACE.replace("{flags}", str(tmp_path)), "fr-FR")
    assert at.get("html")[0].value == '<h1 class="stface-title" style="text-align:center">Salutations</h1>'
    assert [m.value for m in at.markdown] == ["Dit bonjour.", "À bientôt."]
    (box,) = at.text_input
    assert (box.label, box.placeholder, box.help, box.value) == ("Votre nom", "Tapez un nom", "Qui saluer", "Adèle")
    (radio,) = at.radio
    assert (radio.label, radio.options, radio.value) == ("Humeur", ["Content", "Triste"], "happy")
    assert [b.label for b in at.button] == ["Effacer", "Saluer"]
    box.input("Bob")
    at = _click(at, "Saluer")
    assert [(t.label, t.value) for t in at.text_area] == [
        ("Salut", "Bonjour Bob"),
        ("Renommé", ""),
    ]  # gr.update(label=)
    assert [b.label for b in at.button] == ["Effacer", "Saluer", "Réussi"]
    at = _click(at, "Effacer")  # the Clear callback puts back the translated value
    assert at.text_input[0].value == "Adèle"
    at = _click(at, "Saluer")
    at = _click(at, "Réussi")
    log = (tmp_path / "log.csv").read_text(encoding="utf-8")
    header, row = log.splitlines()[:2]
    assert header.startswith("Your name,Mood,Greeting,other") and "Adèle,happy,Hello Adèle" in row  # files: English


def test_another_session_in_english_shares_the_same_components(tmp_path):
    source = INTERFACE.replace("{flags}", str(tmp_path))
    _page(source, "fr-FR")
    at = _page(source, "en-GB")
    assert (at.text_input[0].label, at.text_input[0].value, at.radio[0].options) == (
        "Your name",
        "Ada",
        ["Happy", "Sad"],
    )
    assert [b.label for b in at.button] == ["Reset", "Greet"]
    assert _page(source, None).text_input[0].label == "Your name"  # no browser language: English


def test_chat_and_tabs_are_drawn_in_the_browser_language():
    chat = (
        HEADER
        + """
gr.ChatInterface(lambda m, h: m, title=i18n("chat"), description=i18n("intro"),
                 textbox=gr.Textbox(placeholder=i18n("msg"))).launch()
"""
    )
    at = _page(chat, "fr-BE")
    assert "Bavard" in at.get("html")[0].value and at.markdown[0].value == "Dit bonjour."
    assert at.chat_input[0].placeholder == "Dites quelque chose"
    tabs = (
        HEADER
        + """
one = gr.Interface(lambda x: x, gr.Textbox(label=i18n("name")), "text")
gr.TabbedInterface([one], [i18n("tab")], title=i18n("title")).launch()
"""
    )
    at = _page(tabs, "fr")
    assert [t.label for t in at.tabs] == ["Premier onglet"] and at.text_input[0].label == "Votre nom"
    assert "Salutations" in at.get("html")[0].value


def test_markdown_that_fn_returns_is_translated():
    at = _page(HEADER + "gr.Interface(lambda: i18n('hello'), None, gr.Markdown(label='m')).launch()", "fr-FR")
    at = _click(at, "Generate")
    assert "Bonjour" in [m.value for m in at.markdown]


COUNTER = """
import stface as gr
calls = []

def count(name, visits):
    calls.append(visits)
    return f"{name} #{visits + 1}", visits + 1

visits = gr.BrowserState(0)
gr.Interface(count, ["text", visits], ["text", visits]).launch()
"""


def test_browser_state_counts_within_a_session_where_no_browser_keeps_it():
    at = _page(COUNTER, None)
    at.text_input[0].input("Ada")
    for expected in ("Ada #1", "Ada #2"):
        at = _click(at, "Submit")
        assert at.text_area[0].value == expected
    assert _page(COUNTER, None).text_area[0].value == ""  # a new session starts from default_value


def test_with_a_browser_submit_waits_for_what_it_has_stored():
    at = AppTest.from_string(COUNTER, default_timeout=30)
    at.context = {"url": "http://127.0.0.1:8501/"}  # a browser, whose storage has not answered (AppTest runs no JS)
    at.run()
    at.text_input[0].input("Ada")
    at = _click(at, "Submit")
    assert at.text_area[0].value == "" and not at.exception  # fn waits: it would miss the stored count


def test_a_run_that_stface_starts_itself_is_still_the_browsers():
    # Runs started from the server (a live redraw, Stop's redraw: runtime/rerun.py) carry no browser
    # context. The session has seen its browser: it still waits for the stored value, and the page keeps
    # the place where the browser's storage is read and written, so nothing on it moves.
    at = AppTest.from_string(COUNTER, default_timeout=30)
    at.context = {"url": "http://127.0.0.1:8501/"}
    at.run()
    places = [type(node).__name__ for node in at.main.children.values()]
    at.context = {}
    at.text_input[0].input("Ada")
    at = _click(at, "Submit")
    assert at.text_area[0].value == "" and not at.exception  # still waiting: not taken for a page without a browser
    assert [type(node).__name__ for node in at.main.children.values()] == places
