"""gr.I18n: translation resolution and fallbacks; gr.BrowserState: what is kept in the browser, and what comes back."""

from __future__ import annotations

import copy
import json
import pickle
import warnings

import pytest

import stface as gr
from stface.components.browser_state import MAX_CHARS
from stface.i18n import I18nData, current_locale, translate, translating
from stface.runtime.options import LaunchOptions

I18N = gr.I18n(
    en={"hi": "Hello", "bye": "Goodbye", "only_en": "English only"},
    fr={"hi": "Bonjour", "bye": "Au revoir"},
    **{"fr-CA": {"hi": "Allo"}, "pt-BR": {"hi": "Olá"}, "en-GB": {"colour": "Colour"}},
)


# -- resolution and fallbacks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr-CA", "Allo"),  # exact
        ("fr-ca", "Allo"),  # any case
        ("fr_CA", "Allo"),  # _ read as -
        ("fr-FR", "Bonjour"),  # region -> language
        ("fr", "Bonjour"),
        ("pt-PT", "Olá"),  # language with no plain entry -> another region of it
        ("de-DE", "Hello"),  # no German -> English
        ("en-US", "Hello"),
        (None, "Hello"),  # no browser language -> English
        ("", "Hello"),
    ],
)
def test_a_key_resolves_as_gradio_falls_back(locale, expected):
    assert translate(I18N("hi"), locale) == expected


def test_a_key_missing_in_a_language_falls_back_to_english_then_to_the_key():
    assert translate(I18N("only_en"), "fr-FR") == "English only"
    assert translate(I18N("bye"), "fr-CA") == "Au revoir"  # fr-CA lacks it: its language has it
    assert translate(I18N("colour"), "fr") == "Colour"  # English from an en-* table when en lacks it
    assert translate(I18N("nowhere"), "fr") == "nowhere"
    assert str(I18N("nowhere")) == "nowhere"


def test_launch_translations_come_first_and_own_translations_fill_the_gaps():
    launched = gr.I18n(fr={"hi": "Salut"}, en={"extra": "From launch"})
    with translating("fr-FR", launched):
        assert translate(I18N("hi")) == "Salut"
        assert translate(I18N("bye")) == "Au revoir"  # only the placeholder's own I18n has it
        assert translate(I18N("extra")) == "From launch"
        assert translate(I18nData("extra")) == "From launch"  # a bare I18nData (Gradio makes these) as well
    assert translate(I18nData("extra"), "fr") == "extra"  # without launch(i18n=): the key, as Gradio shows it


def test_translating_binds_the_language_for_the_block_only():
    assert current_locale() is None
    with translating("fr-FR"):
        assert current_locale() == "fr-FR" and translate(I18N("hi")) == "Bonjour"
        assert translate(I18N("hi"), "en") == "Hello"  # an explicit locale wins
    assert current_locale() is None and translate(I18N("hi")) == "Hello"


def test_translate_leaves_anything_else_as_it_is():
    marker = object()
    for value in (None, "plain text", 3, marker, ["a"]):
        assert translate(value, "fr") is value


def test_the_translations_follow_later_changes_to_the_i18n_object():
    i18n = gr.I18n(en={"k": "one"})
    label = i18n("k")
    i18n.translations["fr"] = {"k": "un"}
    assert translate(label, "fr") == "un" and i18n.translations_dict is i18n.translations


# -- a placeholder wherever a str goes --------------------------------------------------


def test_a_placeholder_is_its_english_text_wherever_a_plain_str_is_expected():
    label = I18N("hi")
    assert isinstance(label, str) and label == "Hello" and label.key == "hi"
    assert f"[{label}]" == "[Hello]" and "%s!" % label == "Hello!" and label.upper() == "HELLO"
    assert json.dumps({"label": label}) == '{"label": "Hello"}' and ", ".join([label, "x"]) == "Hello, x"
    assert label.to_dict() == {"__type__": "translation_metadata", "key": "hi"} == label.tojson()
    assert repr(label) == "'Hello'"  # as error messages quote it


def test_plus_keeps_the_translation_and_other_formatting_gives_english():
    joined = "* " + I18N("hi") + ", " + I18N("bye") + "!"
    assert joined == "* Hello, Goodbye!"
    assert translate(joined, "fr") == "* Bonjour, Au revoir!"
    assert translate(f"* {I18N('hi')}", "fr") == "* Hello"  # an f-string is plain English


def test_placeholders_copy_and_pickle_with_their_translations():
    label, joined = I18N("hi"), "> " + I18N("bye")
    assert copy.deepcopy(label) is label and copy.copy(joined) is joined
    for value in (label, joined):
        restored = pickle.loads(pickle.dumps(value))
        assert restored == value and translate(restored, "fr") == translate(value, "fr")


def test_bad_translations_get_a_clear_error_and_odd_locales_a_warning():
    with pytest.raises(TypeError, match=r"gr.I18n\(fr=...\) takes a dict"):
        gr.I18n(fr=["Bonjour"])
    with pytest.raises(TypeError, match="translation key as a str"):
        I18N(3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        odd = gr.I18n(French={"hi": "Bonjour"})
    assert "Invalid locale code: 'French'" in str(caught[0].message)
    assert translate(odd("hi"), "french") == "Bonjour"  # kept, as Gradio keeps it


def test_launch_takes_an_i18n_and_refuses_anything_else():
    assert LaunchOptions.from_kwargs(i18n=I18N).i18n is I18N
    with pytest.raises(TypeError, match=r"launch\(i18n=...\) takes a gr.I18n"):
        LaunchOptions.from_kwargs(i18n={"fr": {"hi": "Bonjour"}})


def test_an_interface_of_placeholders_runs_as_a_function_in_english():
    def greet(name, mood):
        return I18N("hi") + " " + name + " " + mood

    demo = gr.Interface(
        greet,
        [gr.Textbox(label=I18N("hi"), value=I18N("bye")), gr.Radio([(I18N("hi"), "happy"), I18N("bye")], label="mood")],
        gr.Textbox(label=I18N("bye")),
        title=I18N("hi"),
        flagging_options=[I18N("bye")],
    )
    assert demo("Ada", "happy") == "Hello Ada happy"
    assert translate(demo("Ada", "happy"), "fr") == "Bonjour Ada happy"  # what the page shows a French browser
    assert [c.display_label for c in demo.input_components] == ["Hello", "mood"]
    radio = demo.input_components[1]
    assert radio.values == ["happy", "Goodbye"] and translate(radio.name_of("happy"), "fr") == "Bonjour"
    assert radio.preprocess("Goodbye") == "Goodbye"  # the value is the English text, whatever the browser
    assert demo.flagging_options == [("Flag as Goodbye", "Goodbye")]
    assert translate(demo.flagging_options[0][0], "fr") == "Flag as Au revoir"
    with pytest.raises(gr.Error, match="Choose one of: 'happy', 'Goodbye'"):  # messages read English
        radio._check("nope")


# -- BrowserState ------------------------------------------------------------------------


def test_browser_state_is_a_state_pair_and_runs_as_a_function():
    counter = gr.BrowserState({"n": 0})

    def count(name, state):
        state["n"] += 1
        return f"{name} {state['n']}", state

    demo = gr.Interface(count, ["text", counter], ["text", counter])
    assert demo("Ada") == "Ada 1" and demo("Ada") == "Ada 1"  # each call starts from the default, a copy
    assert counter.default_value == {"n": 0} and isinstance(counter, gr.State)


def test_values_go_through_json_as_the_browser_gives_them_back():
    state = gr.BrowserState()
    assert state.postprocess((1, 2)) == [1, 2] and state.postprocess({1: "a"}) == {"1": "a"}
    assert state.preprocess(None) is None and gr.BrowserState([1]).preprocess(None) == [1]

    class Model:  # a pydantic model is stored as its dict, as in Gradio
        def model_dump(self):
            return {"x": 1}

    assert state.postprocess(Model()) == {"x": 1} and gr.BrowserState(Model()).default_value == {"x": 1}
    with pytest.raises(ValueError, match="must be JSON.*gr.State"):
        state.postprocess({1, 2})
    with pytest.raises(ValueError, match="up to 1,000,000 characters"):
        state.postprocess("x" * MAX_CHARS)
    with pytest.raises(ValueError, match="must be JSON"):
        state.postprocess(float("nan"))


def test_bad_options_get_a_clear_error():
    with pytest.raises(TypeError, match=r"BrowserState\(default_value=...\).*JSON"):
        gr.BrowserState(object())
    with pytest.raises(TypeError, match="storage_key must be a non-empty str"):
        gr.BrowserState(storage_key="")
    with pytest.raises(TypeError, match="secret must be a non-empty str"):
        gr.BrowserState(secret=b"bytes")


def test_a_stored_value_comes_back_only_as_this_server_signed_it():
    state = gr.BrowserState({"n": 0}, secret="s3cret")
    box = state.sealed({"n": 7, "name": "Zoë"}, "key")
    assert json.loads(json.dumps(box)) == box  # what localStorage holds is plain JSON
    assert state.unsealed(json.loads(json.dumps(box)), "key") == {"n": 7, "name": "Zoë"}
    default = {"n": 0}
    tampered = [
        {**box, "data": '{"n": 1000, "name": "Zoë"}'},  # edited by hand
        {**box, "sig": box["sig"].upper()},
        {**box, "sig": "é" * 64},  # not even hex
        {**box, "v": 2},
        {k: v for k, v in box.items() if k != "sig"},
        {**box, "data": 5},
        "",
        None,
        [box],
        "not a box",
    ]
    for stored in tampered:
        assert state.unsealed(stored, "key") == default, stored
    assert state.unsealed(box, "other-key") == default  # moved to another key
    assert gr.BrowserState({"n": 0}, secret="other").unsealed(box, "key") == default
    assert gr.BrowserState({"n": 0}, secret="s3cret").unsealed(box, "key")["n"] == 7  # same secret: a restart


def test_without_a_secret_values_hold_for_this_server_process():
    first, second = gr.BrowserState(0), gr.BrowserState(0)
    assert second.unsealed(first.sealed(5, "k"), "k") == 5
    assert gr.BrowserState(0, secret="given").unsealed(first.sealed(5, "k"), "k") == 0


def test_a_stored_value_too_long_or_not_json_is_dropped():
    state = gr.BrowserState("default", secret="s")
    big = "x" * (MAX_CHARS + 10)
    long_box = {"v": 1, "data": json.dumps(big), "sig": state._signature("k", json.dumps(big))}
    assert state.unsealed(long_box, "k") == "default"
    broken = "{not json"
    assert state.unsealed({"v": 1, "data": broken, "sig": state._signature("k", broken)}, "k") == "default"
    assert state.unsealed({"v": 1, "data": "\ud800", "sig": "0" * 64}, "k") == "default"  # a lone surrogate
    listed = gr.BrowserState([1])
    listed.unsealed(None, "k").append(2)
    assert listed.unsealed(None, "k") == [1] == listed.default_value  # each fallback is a fresh copy


def test_an_interface_takes_one_browser_state_pair():
    with pytest.raises(ValueError, match="exactly one 'state' input and one 'state' output"):
        gr.Interface(lambda x, s: x, ["text", gr.BrowserState(0)], "text")
