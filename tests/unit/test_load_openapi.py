"""gr.load_openapi against a real FastAPI app (tests/support/openapi_app.py) that serves its own /openapi.json."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest
from e2e_support import free_port
from streamlit.testing.v1 import AppTest

import stface as gr

SUPPORT = Path(__file__).parents[1] / "support"


@pytest.fixture(scope="module")
def api():
    """The FastAPI app under uvicorn on a free loopback port: its base URL."""
    port = free_port()
    log = tempfile.TemporaryFile("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "openapi_app:app", "--app-dir", str(SUPPORT), "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None and time.monotonic() < deadline, "uvicorn did not start"
        try:
            with urllib.request.urlopen(f"{url}/openapi.json", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=15)
    log.close()


def spec_of(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/openapi.json") as response:
        return json.load(response)


def tab(demo: gr.TabbedInterface, name: str) -> gr.Interface:
    return demo.interfaces[demo.tab_names.index(name)]


def describe(interface: gr.Interface) -> list[tuple[str, str]]:
    return [(type(c).__name__, c.label) for c in interface.input_components]


def test_one_tab_per_operation_with_inputs_from_the_schema(api):
    demo = gr.load_openapi(f"{api}/openapi.json", api)
    assert isinstance(demo, gr.TabbedInterface) and demo.title == "Shop"
    assert demo.tab_names == [
        "read_item",
        "delete_item",
        "list_items",
        "create_item",
        "private",
        "upload",
        "internal_health",
    ]  # fmt: skip  (document order: path by path)
    read = tab(demo, "read_item")
    assert read.title == "GET /items/{item_id}" and read.description == "One item"
    assert describe(read) == [("Number", "item_id"), ("Textbox", "q")]
    assert read.input_components[0].precision == 0  # an integer stays an integer in the URL
    assert describe(tab(demo, "list_items")) == [("Number", "limit"), ("Dropdown", "color"), ("JSON", "tags")]
    assert tab(demo, "list_items").input_components[1].values == ["red", "green"]  # the enum, through its $ref
    create = tab(demo, "create_item")
    assert describe(create) == [("Textbox", "name"), ("Number", "price"), ("JSON", "tags"), ("Checkbox", "in_stock"),
                                ("Dropdown", "color")]  # fmt: skip
    assert [type(c).__name__ for c in create.output_components] == ["JSON"]
    assert describe(tab(demo, "upload")) == [("File", "file")]


def test_calling_an_operations_interface_calls_the_api(api, tmp_path):
    demo = gr.load_openapi(spec_of(api), api)  # the spec as a dict
    read, create = tab(demo, "read_item"), tab(demo, "create_item")
    assert read(1, "hello") == {"item_id": 1, "q": "hello", "name": "pen", "price": 1.5, "tags": [], "in_stock": True,
                                "color": "red"}  # fmt: skip
    made = create("lamp", 20, ["home", "light"], False, "green")
    assert made == {"id": made["id"], "name": "lamp", "price": 20.0, "tags": ["home", "light"], "in_stock": False,
                    "color": "green"}  # fmt: skip
    assert read(made["id"], "")["name"] == "lamp"
    listed = tab(demo, "list_items")(5, "green", ["x", "y"])
    assert listed == {"ids": [made["id"]], "limit": 5, "color": "green", "tags": ["x", "y"]}
    assert tab(demo, "delete_item")(made["id"]) is None  # 204: no content
    missing = read(made["id"], None)
    assert missing["__status__"] == "error" and missing["status_code"] == 404 and "No item" in missing["message"]
    with pytest.raises(gr.Error, match="'name' is required for POST /items"):
        create("", 1, [], True, "red")
    photo = tmp_path / "photo.bin"
    photo.write_bytes(b"12345")
    assert tab(demo, "upload")(str(photo)) == {"filename": "photo.bin", "size": 5}  # multipart/form-data


def test_auth_token_is_sent_as_a_bearer_token(api):
    assert tab(gr.load_openapi(f"{api}/openapi.json", api, auth_token="secret"), "private")() == {"secret": 42}
    refused = tab(gr.load_openapi(f"{api}/openapi.json", api), "private")()
    assert refused["status_code"] == 401 and "Not authenticated" in refused["message"]


def test_paths_exclude_paths_and_methods_filter_as_gradio_does(api):
    spec = f"{api}/openapi.json"
    assert gr.load_openapi(spec, api, paths=[r"/items"]).tab_names == ["read_item", "delete_item", "list_items",
                                                                        "create_item"]  # fmt: skip
    assert gr.load_openapi(spec, api, paths=r"/items$").tab_names == ["list_items", "create_item"]  # one regex
    assert gr.load_openapi(spec, api, paths=[r"/items"], methods=["post", "DELETE"]).tab_names == ["delete_item",
                                                                                                  "create_item"]  # fmt: skip
    assert "internal_health" not in gr.load_openapi(spec, api, exclude_paths=[".*internal.*"]).tab_names
    with pytest.raises(ValueError, match="No valid paths found"):  # exclusions win over paths
        gr.load_openapi(spec, api, paths=["/private"], exclude_paths=["/priv"])
    with pytest.raises(ValueError, match=r"No valid paths found.*the document has: /items/\{item_id\}, /items"):
        gr.load_openapi(spec, api, paths=["/nothing"])
    with pytest.raises(ValueError, match=r"No operation of the selected paths uses methods=\['put'\]"):
        gr.load_openapi(spec, api, methods=["put"])
    with pytest.raises(ValueError, match=r"methods \['fetch'\] are not HTTP methods"):
        gr.load_openapi(spec, api, methods=["fetch"])


def test_an_operation_without_operation_id_is_named_by_method_and_path(api):
    spec = copy.deepcopy(spec_of(api))
    del spec["paths"]["/items/{item_id}"]["get"]["operationId"]
    assert gr.load_openapi(spec, api, paths=[r"/items/"]).tab_names == ["GET /items/{item_id}", "delete_item"]


def test_what_is_not_an_openapi_document_gets_a_clear_error(api, tmp_path):
    with pytest.raises(ValueError, match=r"not-a-spec is not an OpenAPI document: it has no 'paths' object "
                                         r"\(its keys: 'hello'\)\. Point load_openapi at the spec itself"):  # fmt: skip
        gr.load_openapi(f"{api}/not-a-spec", api)
    with pytest.raises(ValueError, match=r"/docs is not JSON .*load_openapi reads OpenAPI 3 documents in JSON"):
        gr.load_openapi(f"{api}/docs", api)  # the Swagger UI page, not the spec
    with pytest.raises(ValueError, match=r"Could not fetch the OpenAPI document at .*/missing.json: .*404"):
        gr.load_openapi(f"{api}/missing.json", api)
    with pytest.raises(ValueError, match="is a Swagger 2.0 document; load_openapi reads OpenAPI 3"):
        gr.load_openapi({"swagger": "2.0", "paths": {}}, api)
    with pytest.raises(ValueError, match="is neither an http\\(s\\) URL nor an existing file"):
        gr.load_openapi(str(tmp_path / "nowhere.json"), api)
    saved = tmp_path / "openapi.json"
    saved.write_text(json.dumps(spec_of(api)))
    assert gr.load_openapi(str(saved), api, methods="get").tab_names[0] == "read_item"  # a file works
    with pytest.raises(ValueError, match="base_url must be the API's http\\(s\\) URL"):
        gr.load_openapi(str(saved), "127.0.0.1:8000")


def test_an_unreachable_api_is_a_clear_gr_error(api):
    demo = gr.load_openapi(spec_of(api), f"http://127.0.0.1:{free_port()}", paths=["/private"])
    with pytest.raises(gr.Error, match=r"Could not reach GET http://127\.0\.0\.1:\d+/private: ConnectError"):
        demo.interfaces[0]()


def test_the_tabs_work_on_a_page(api):
    at = AppTest.from_string(
        textwrap.dedent(f"""
        import stface as gr
        gr.load_openapi({api + "/openapi.json"!r}, {api!r}, paths=[r"/items/"], methods=["get"]).launch()
        """),
        default_timeout=30,
    ).run()
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs] == ["read_item"]
    at.number_input[0].set_value(1)
    at.text_input[0].input("from the page")
    next(b for b in at.button if b.label == "Submit").click().run()
    assert not at.exception and not at.error
    shown = at.get("json")[0].proto.body
    assert json.loads(shown)["q"] == "from the page" and json.loads(shown)["name"] == "pen"
