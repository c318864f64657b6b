"""A small FastAPI app that serves its own /openapi.json, for gr.load_openapi's tests.

Run it with ``python -m uvicorn openapi_app:app --app-dir tests/support --port N``.
Items live in memory; /private wants ``Authorization: Bearer secret``.
"""

from __future__ import annotations

from enum import Enum

from fastapi import FastAPI, File, Header, HTTPException, Query, UploadFile
from pydantic import BaseModel

app = FastAPI(title="Shop", description="Items for load_openapi's tests.")


class Color(str, Enum):
    red = "red"
    green = "green"


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []
    in_stock: bool = True
    color: Color = Color.red


ITEMS: dict[int, Item] = {1: Item(name="pen", price=1.5)}


@app.get("/items/{item_id}", operation_id="read_item", summary="One item")
def read_item(item_id: int, q: str | None = None) -> dict:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail=f"No item {item_id}")
    return {"item_id": item_id, "q": q, **ITEMS[item_id].model_dump()}


@app.get("/items", operation_id="list_items")
def list_items(limit: int = 10, color: Color | None = None, tags: list[str] = Query(default=[])) -> dict:
    chosen = [i for i, item in ITEMS.items() if color is None or item.color == color]
    return {"ids": chosen[:limit], "limit": limit, "color": color, "tags": tags}


@app.post("/items", operation_id="create_item", status_code=201)
def create_item(item: Item) -> dict:
    new_id = max(ITEMS) + 1
    ITEMS[new_id] = item
    return {"id": new_id, **item.model_dump()}


@app.delete("/items/{item_id}", operation_id="delete_item", status_code=204)
def delete_item(item_id: int) -> None:
    ITEMS.pop(item_id, None)


@app.get("/private", operation_id="private")
def private(authorization: str | None = Header(default=None, include_in_schema=False)) -> dict:
    if authorization != "Bearer secret":
        raise HTTPException(status_code=401, detail="Not authenticated")
    return {"secret": 42}


@app.post("/upload", operation_id="upload")
def upload(file: UploadFile = File(...)) -> dict:
    return {"filename": file.filename, "size": len(file.file.read())}


@app.get("/internal/health", operation_id="internal_health")
def internal_health() -> dict:
    return {"ok": True}


@app.get("/not-a-spec", include_in_schema=False)
def not_a_spec() -> dict:
    return {"hello": "world"}
