"""Ready-to-copy code calling an endpoint: Python (gradio_client) and curl, as Gradio's "Use via API" shows.

Example inputs come from the API info (``stface.api.schemas``); a file input
is a local file to upload (``handle_file(...)`` in Python, ``/upload`` then a
FileData in curl). With ``auth``, the snippets log in first.

Example:
    >>> import stface as gr
    >>> from stface.api.info import api_info
    >>> info = api_info(gr.Interface(lambda name: name, gr.Textbox(label="name"), "text", api_name="echo"))
    >>> print(python_snippet("/echo", info["named_endpoints"]["/echo"], "http://127.0.0.1:7860"))
    from gradio_client import Client
    <BLANKLINE>
    client = Client("http://127.0.0.1:7860/")
    result = client.predict(
        name='Hello!!',
        api_name="/echo",
    )
    print(result)
"""

from __future__ import annotations

import json
import shlex
from typing import Any

__all__ = ["add_snippets", "curl_snippet", "python_snippet"]


def _is_file(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("meta"), dict)
        and value["meta"].get("_type") == "gradio.FileData"
    )


def _python(value: Any) -> str:
    """An example value as Python source; files as ``handle_file('name')``."""
    if _is_file(value):
        return f"handle_file({str(value.get('path'))!r})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_python(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_python(v) for v in value) + "]"
    return repr(value)


def _uses_files(value: Any) -> bool:
    if _is_file(value):
        return True
    if isinstance(value, dict):
        return any(_uses_files(v) for v in value.values())
    if isinstance(value, list):
        return any(_uses_files(v) for v in value)
    return False


def python_snippet(api_name: str, info: dict[str, Any], root: str, auth: bool = False) -> str:
    """gradio_client code calling ``api_name`` with the example inputs."""
    examples = [p.get("example_input") for p in info.get("parameters", [])]
    imports = "Client, handle_file" if _uses_files(examples) else "Client"
    login = ', auth=("username", "password")' if auth else ""
    lines = [
        f"from gradio_client import {imports}",
        "",
        f'client = Client("{root.rstrip("/")}/"{login})',
        "result = client.predict(",
    ]
    for parameter, example in zip(info.get("parameters", []), examples):
        lines.append(f"    {parameter.get('parameter_name') or parameter['label']}={_python(example)},")
    lines += [f'    api_name="{api_name}",', ")", "print(result)"]
    return "\n".join(lines)


def _curl_value(value: Any, uploads: list[str]) -> Any:
    """An example value for curl's JSON; each file becomes a FileData naming an upload (``$FILE_n``)."""
    if _is_file(value):
        uploads.append(str(value.get("path")))
        return {"path": f"$FILE_{len(uploads)}", "meta": {"_type": "gradio.FileData"}}
    if isinstance(value, dict):
        return {k: _curl_value(v, uploads) for k, v in value.items()}
    if isinstance(value, list):
        return [_curl_value(v, uploads) for v in value]
    return value


def curl_snippet(api_name: str, info: dict[str, Any], root: str, auth: bool = False) -> str:
    """curl commands calling ``api_name``: upload files, POST the call, then stream its result."""
    base = root.rstrip("/")
    uploads: list[str] = []
    data = [_curl_value(p.get("example_input"), uploads) for p in info.get("parameters", [])]
    cookies = " -b cookies.txt" if auth else ""
    lines = []
    if auth:
        lines.append(f"curl -s -c cookies.txt -X POST {base}/login -d 'username=USERNAME&password=PASSWORD'")
    for number, name in enumerate(uploads, 1):
        lines.append(f"FILE_{number}=$(curl -s{cookies} -X POST {base}/gradio_api/upload -F "
                     f"{shlex.quote('files=@' + name)} | tr -d '[]\" ')")  # fmt: skip
    body = json.dumps({"data": data})
    for number in range(1, len(uploads) + 1):  # let the shell put the uploads' handles in
        body = body.replace(f'"$FILE_{number}"', f'"\'"$FILE_{number}"\'"')
    name = api_name.lstrip("/")
    lines.append(f"EVENT_ID=$(curl -s{cookies} -X POST {base}/gradio_api/call/{name} -H \"Content-Type: application/json\" "
                 f"-d '{body}' | awk -F'\"' '{{ print $4 }}')")  # fmt: skip
    lines.append(f"curl -N{cookies} {base}/gradio_api/call/{name}/$EVENT_ID")
    return "\n".join(lines)


def add_snippets(info: dict[str, Any], root: str, auth: bool = False) -> dict[str, Any]:
    """Put Gradio's ``code_snippets`` (``python``, ``bash``) in each named endpoint of an API info."""
    for api_name, endpoint in info.get("named_endpoints", {}).items():
        endpoint["code_snippets"] = {
            "python": python_snippet(api_name, endpoint, root, auth),
            "bash": curl_snippet(api_name, endpoint, root, auth),
        }
    return info
