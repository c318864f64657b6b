"""Small 3D models written by hand (no downloads): a glTF binary cube, OBJ, STL, PLY and a .gltf with a .bin."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

# One cube face per entry: the outward normal and its four corners (counter-clockwise seen from outside).
_FACES = [
    ((0, 0, 1), [(-1, -1, 1), (1, -1, 1), (1, 1, 1), (-1, 1, 1)]),
    ((0, 0, -1), [(1, -1, -1), (-1, -1, -1), (-1, 1, -1), (1, 1, -1)]),
    ((1, 0, 0), [(1, -1, 1), (1, -1, -1), (1, 1, -1), (1, 1, 1)]),
    ((-1, 0, 0), [(-1, -1, -1), (-1, -1, 1), (-1, 1, 1), (-1, 1, -1)]),
    ((0, 1, 0), [(-1, 1, 1), (1, 1, 1), (1, 1, -1), (-1, 1, -1)]),
    ((0, -1, 0), [(-1, -1, -1), (1, -1, -1), (1, -1, 1), (-1, -1, 1)]),
]


def _pad(data: bytes, filler: bytes) -> bytes:
    return data + filler * (-len(data) % 4)


def cube_gltf(size: float = 1.0, colour=(1.0, 0.0, 0.0, 1.0)) -> tuple[dict, bytes]:
    """A glTF 2.0 document and its binary buffer: a cube of edge ``2 * size`` in one colour."""
    positions, normals, indices = [], [], []
    for normal, corners in _FACES:
        start = len(positions)
        positions += [tuple(size * c for c in corner) for corner in corners]
        normals += [normal] * 4
        indices += [start, start + 1, start + 2, start, start + 2, start + 3]
    pos = b"".join(struct.pack("<3f", *p) for p in positions)
    nor = b"".join(struct.pack("<3f", *n) for n in normals)
    idx = _pad(struct.pack(f"<{len(indices)}H", *indices), b"\x00")
    binary = pos + nor + idx
    document = {
        "asset": {"version": "2.0", "generator": "stface tests"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": list(colour), "metallicFactor": 0.0,
                                                "roughnessFactor": 1.0}}],  # fmt: skip
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(pos), "target": 34962},
            {"buffer": 0, "byteOffset": len(pos), "byteLength": len(nor), "target": 34962},
            {"buffer": 0, "byteOffset": len(pos) + len(nor), "byteLength": 2 * len(indices), "target": 34963},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": len(positions), "type": "VEC3",
             "min": [-size] * 3, "max": [size] * 3},  # fmt: skip
            {"bufferView": 1, "componentType": 5126, "count": len(normals), "type": "VEC3"},
            {"bufferView": 2, "componentType": 5123, "count": len(indices), "type": "SCALAR"},
        ],
    }
    return document, binary


def glb_bytes(size: float = 1.0, colour=(1.0, 0.0, 0.0, 1.0)) -> bytes:
    """The cube as a glTF binary: a 12-byte header, a JSON chunk and a BIN chunk."""
    document, binary = cube_gltf(size, colour)
    text = _pad(json.dumps(document).encode(), b" ")
    binary = _pad(binary, b"\x00")
    chunks = struct.pack("<I4s", len(text), b"JSON") + text + struct.pack("<I4s", len(binary), b"BIN\x00") + binary
    return struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks


def gltf_embedded(size: float = 1.0) -> bytes:
    """The cube as a .gltf whose buffer is a data: URI."""
    document, binary = cube_gltf(size)
    document["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64.b64encode(binary).decode()
    return json.dumps(document).encode()


def gltf_with_bin(folder: Path, name: str = "cube") -> Path:
    """``folder/name.gltf`` naming ``name.bin`` beside it; returns the .gltf's path."""
    document, binary = cube_gltf()
    (folder / f"{name}.bin").write_bytes(binary)
    document["buffers"][0]["uri"] = f"{name}.bin"
    path = folder / f"{name}.gltf"
    path.write_text(json.dumps(document))
    return path


OBJ_TRIANGLE = """# a triangle with vertex colours
o triangle
v 0 0 0 1 0 0
v 1 0 0 0 1 0
v 0 1 0 0 0 1
vn 0 0 1
f 1//1 2//1 3//1
"""


def stl_binary() -> bytes:
    """A one-triangle binary STL: an 80-byte header, a count, then 50 bytes per triangle."""
    triangle = struct.pack("<12fH", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)
    return b"stface test".ljust(80, b" ") + struct.pack("<I", 1) + triangle


STL_ASCII = """solid triangle
  facet normal 0 0 1
    outer loop
      vertex 0 0 0
      vertex 1 0 0
      vertex 0 1 0
    endloop
  endfacet
endsolid triangle
"""

PLY_POINTS = """ply
format ascii 1.0
element vertex 3
property float x
property float y
property float z
end_header
0 0 0
1 0 0
0 1 0
"""
