"""The real gradio_client 2.x against real `stface launch` servers: what scripts written for Gradio do."""

from __future__ import annotations

import concurrent.futures

import numpy as np
import pytest
import soundfile
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError, AuthenticationError
from PIL import Image


@pytest.fixture(scope="module")
def client(kitchen):
    made = Client(
        kitchen.url, verbose=False, analytics_enabled=False, download_files=str(kitchen.app_dir / "downloads")
    )
    yield made
    made.close()


def test_text_in_text_out(client):
    assert client.predict("Ada", api_name="/greet") == "Hello Ada!"
    assert client.predict(name="Bo", api_name="/greet") == "Hello Bo!"


def test_view_api_names_parameters_types_and_returns(client):
    info = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    stats = info["/stats"]
    assert [p["parameter_name"] for p in stats["parameters"]] == ["text", "times", "shout"]
    assert [p["python_type"]["type"] for p in stats["parameters"]] == ["str", "float", "bool"]
    assert stats["parameters"][1]["parameter_has_default"] and stats["parameters"][1]["parameter_default"] == 1
    assert [r["component"] for r in stats["returns"]] == ["Textbox", "Number", "Json"]
    assert info["/greet"]["description"] == "Say hello."
    assert info["/mirror"]["parameters"][0]["python_type"]["type"] == "filepath"


def test_several_inputs_and_outputs(client):
    out, words, detail = client.predict("to be", 2, True, api_name="/stats")
    assert (out, words, detail) == ("TO BETO BE", 2, {"words": ["to", "be"]})
    assert client.predict(text="a b c", api_name="/stats") == ("a b c", 3, {"words": ["a", "b", "c"]})


def test_image_round_trip_through_handle_file(client, tmp_path):
    pixels = np.arange(12 * 10 * 3, dtype=np.uint8).reshape(12, 10, 3)
    Image.fromarray(pixels).save(tmp_path / "in.png")
    result = client.predict(handle_file(str(tmp_path / "in.png")), api_name="/mirror")
    assert np.array_equal(np.array(Image.open(result).convert("RGB")), np.fliplr(pixels))


def test_audio_output_downloads_as_a_wav(client):
    path = client.predict(0.5, api_name="/tone")
    samples, rate = soundfile.read(path, dtype="int16")
    assert rate == 8000 and len(samples) == 4000 and np.abs(samples).max() > 9000


def test_label_output(client):
    label = client.predict("x", api_name="/classify")
    assert label["label"] == "cat"
    assert {c["label"]: c["confidence"] for c in label["confidences"]} == {"cat": 0.75, "dog": 0.25}


def test_generator_streams_each_update_through_submit(client):
    job = client.submit(4, api_name="/count")
    seen = list(job)
    assert seen == ["step 0", "step 1", "step 2", "step 3"]
    assert job.result() == "step 3"
    assert job.outputs() == seen


def test_gr_error_arrives_with_its_message(client):
    with pytest.raises(AppError, match="That is not allowed."):
        client.predict("gr", api_name="/fail")


def test_other_failures_stay_generic(client):
    with pytest.raises(AppError) as caught:
        client.predict("other", api_name="/fail")
    assert "secret" not in str(caught.value) and "/srv" not in str(caught.value)
    assert "show_error=True" in str(caught.value)  # gradio_client's own words for a hidden error
    assert client.predict("Ada", api_name="/greet") == "Hello Ada!"  # and the app goes on


def test_twenty_concurrent_calls_with_concurrency_limit_two(client):
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda x: client.predict(x, api_name="/slow"), range(20)))
    assert [double for double, _ in answers] == [x * 2 for x in range(20)]
    assert max(running for _, running in answers) <= 2


def test_gradio_3_scripts_calling_predict_reach_the_first_endpoint(client):
    assert client.predict("Ada", api_name="/predict") == "Hello Ada!"
    assert "/predict" not in client.view_api(print_info=False, return_format="dict")["named_endpoints"]


def test_unknown_api_name_is_the_clients_error(client):
    with pytest.raises(ValueError, match="Cannot find a function with `api_name`: /nope"):
        client.predict("x", api_name="/nope")


def test_login_gated_app_refuses_without_credentials(login_app):
    with pytest.raises(AuthenticationError):
        Client(login_app.url, verbose=False, analytics_enabled=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(login_app.url, auth=("ada", "wrong"), verbose=False, analytics_enabled=False)


def test_login_gated_app_answers_with_credentials(login_app):
    client = Client(login_app.url, auth=("ada", "lovelace"), verbose=False, analytics_enabled=False)
    try:
        assert client.predict("Ada", api_name="/hi") == "Hi Ada"
        with pytest.raises(AppError, match="shown because show_error=True"):  # show_error=True shows any error
            client.predict("x", api_name="/oops")
    finally:
        client.close()
