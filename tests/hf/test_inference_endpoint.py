"""gr.load of models served by an inference server (a dedicated Inference Endpoint, a TGI server).

The server (tests/support/inference_endpoint.py) speaks the Inference
Endpoints protocol around a real transformers pipeline on a tiny model, in
its own process; stface talks to it through huggingface_hub's InferenceClient.
"""

from __future__ import annotations

import socket
import time

import pytest
from e2e_support import SilentServer
from streamlit.testing.v1 import AppTest

import stface as gr
from stface.hub import remote

LONG = " ".join(["good"] * 100)  # longer than the tiny model's 64 positions: its pipeline raises


@pytest.fixture(autouse=True)
def online(monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "is_offline_mode", lambda: False)  # the servers are on loopback


def test_a_named_model_runs_on_its_endpoint_with_the_same_answers_as_locally(inference_endpoint):
    served = gr.load("models/stface-tiny/bert-sentiment", endpoint_url=inference_endpoint.url)
    local = gr.load("models/stface-tiny/bert-sentiment")
    assert [type(c) for c in served.input_components] == [gr.Textbox]  # the task came from the model's config
    assert [type(c) for c in served.output_components] == [gr.Label]
    before = inference_endpoint.seen()["seen"]
    answer = served("good times")
    assert inference_endpoint.seen()["seen"] == before + 1  # answered by the server, once
    assert set(answer) == {"POSITIVE", "NEGATIVE"}
    assert answer == pytest.approx(local("good times"), abs=1e-5)


def test_an_endpoint_by_url_generates_text_like_the_local_pipeline(generation_endpoint):
    served = gr.load(generation_endpoint.url, src="api", task="text-generation")
    local = gr.load(f"models/{generation_endpoint.model}")  # the same model, on this process's transformers
    assert served("the cat") == local("the cat")
    assert served("the cat").replace(" ", "") == "thecatsatonmat"  # greedy bigrams: the prompt, then its continuation


def test_the_token_goes_to_hugging_face_hosts_only(inference_endpoint):
    gr.load(inference_endpoint.url, src="api", task="text-classification", token="hf_secret")("good")
    assert inference_endpoint.seen()["authorization"] is None  # a private server is not Hugging Face


def test_a_starting_endpoint_is_retried_a_bounded_number_of_times(inference_endpoint):
    io = gr.load("models/stface-tiny/bert-sentiment", endpoint_url=inference_endpoint.url)
    before = inference_endpoint.seen()["seen"]
    inference_endpoint.loading_for(2)
    started = time.monotonic()
    assert set(io("good")) == {"POSITIVE", "NEGATIVE"}  # the third try lands
    assert time.monotonic() - started >= sum(remote.BACKOFF_S[:2])  # after waiting between tries
    assert inference_endpoint.seen()["seen"] == before + 3

    inference_endpoint.loading_for(10)
    with pytest.raises(gr.Error) as caught:
        io("good")
    assert str(caught.value) == (
        f"The inference server at {inference_endpoint.url} (model stface-tiny/bert-sentiment) answered 503: "
        "Model stface-tiny/bert-sentiment is currently loading (tried 3 times)."
    )
    assert inference_endpoint.seen()["seen"] == before + 3 + 1 + remote.RETRIES
    inference_endpoint.loading_for(0)


def test_a_refusal_is_not_retried_and_says_why(inference_endpoint):
    io = gr.load(inference_endpoint.url, src="api", task="text-classification")
    before = inference_endpoint.seen()["seen"]
    with pytest.raises(gr.Error, match=rf"^The inference server at {inference_endpoint.url} answered 400: The expanded size of the tensor \(100\)"):
        io(LONG)
    assert inference_endpoint.seen()["seen"] == before + 1


def test_an_unreachable_server_is_named(monkeypatch):
    monkeypatch.setattr(remote, "BACKOFF_S", (0.1,))
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    io = gr.load(url, src="api", task="text-classification")
    with pytest.raises(gr.Error, match=rf"^The inference server at {url} could not be reached \(.+\) \(tried 3 times\)\.$"):
        io("good")


def test_a_server_that_never_answers_times_out(monkeypatch):
    monkeypatch.setattr(remote, "TIMEOUT_S", 1.0)
    with SilentServer() as silent:
        io = gr.load(silent.url, src="api", task="text-classification")
        started = time.monotonic()
        with pytest.raises(gr.Error, match=rf"^The inference server at {silent.url} did not answer within 1 s\.$"):
            io("good")
        assert time.monotonic() - started < 5 and len(silent.accepted) == 1  # one bounded wait, not retried


def test_the_page_shows_the_server_error_and_keeps_serving(inference_endpoint):
    script = f"import stface as gr\ngr.load('models/stface-tiny/bert-sentiment', endpoint_url={inference_endpoint.url!r}).launch()\n"
    at = AppTest.from_string(script, default_timeout=60).run()
    at.text_area[0].input(LONG) if at.text_area else at.text_input[0].input(LONG)
    [b for b in at.button if b.label == "Submit"][0].click().run()
    assert any(f"The inference server at {inference_endpoint.url} (model stface-tiny/bert-sentiment) answered 400" in e.value for e in at.error)
    (at.text_area[0] if at.text_area else at.text_input[0]).input("good times")
    [b for b in at.button if b.label == "Submit"][0].click().run()
    assert not at.error
    assert any("POSITIVE" in e.value for e in [*at.get("html"), *at.markdown])
