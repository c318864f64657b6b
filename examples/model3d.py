"""Model3D: fn writes a cube with coloured faces (.glb or .obj) and returns its path; the viewer draws it.

Drag to turn the cube, scroll to zoom, right-drag to pan; the ↺ button goes
back to the first view. The camera stands at a fixed distance, so a bigger
cube looks bigger.
"""

import json
import os
import struct
import tempfile
from pathlib import Path

import stface as gr

# Each face: its normal, its four corners (counter-clockwise from outside) and its colour.
FACES = [
    ((0, 0, 1), [(-1, -1, 1), (1, -1, 1), (1, 1, 1), (-1, 1, 1)], (0.90, 0.20, 0.20)),
    ((0, 0, -1), [(1, -1, -1), (-1, -1, -1), (-1, 1, -1), (1, 1, -1)], (0.20, 0.70, 0.30)),
    ((1, 0, 0), [(1, -1, 1), (1, -1, -1), (1, 1, -1), (1, 1, 1)], (0.20, 0.40, 0.90)),
    ((-1, 0, 0), [(-1, -1, -1), (-1, -1, 1), (-1, 1, 1), (-1, 1, -1)], (0.95, 0.80, 0.20)),
    ((0, 1, 0), [(-1, 1, 1), (1, 1, 1), (1, 1, -1), (-1, 1, -1)], (0.60, 0.30, 0.80)),
    ((0, -1, 0), [(-1, -1, -1), (1, -1, -1), (1, -1, 1), (-1, -1, 1)], (0.20, 0.80, 0.80)),
]
FOLDER = Path(tempfile.gettempdir()) / "stface-model3d-example"


def cube_vertices(half: float):
    """Four vertices per face (so each face keeps its own normal and colour) and two triangles per face."""
    vertices, triangles = [], []
    for normal, corners, colour in FACES:
        start = len(vertices)
        vertices += [(tuple(half * c for c in corner), normal, colour) for corner in corners]
        triangles += [(start, start + 1, start + 2), (start, start + 2, start + 3)]
    return vertices, triangles


def obj_text(half: float) -> str:
    """Wavefront OBJ with a colour after each vertex's position (``v x y z r g b``)."""
    vertices, triangles = cube_vertices(half)
    lines = ["# a cube with coloured faces, written by examples/model3d.py"]
    lines += [f"v {x:g} {y:g} {z:g} {r:g} {g:g} {b:g}" for (x, y, z), _, (r, g, b) in vertices]
    lines += [f"vn {x:g} {y:g} {z:g}" for _, (x, y, z), _ in vertices]
    lines += [f"f {a + 1}//{a + 1} {b + 1}//{b + 1} {c + 1}//{c + 1}" for a, b, c in triangles]
    return "\n".join(lines) + "\n"


def glb_bytes(half: float) -> bytes:
    """glTF 2.0 binary: positions, normals and colours (COLOR_0) in one buffer, then the indices."""
    vertices, triangles = cube_vertices(half)
    columns = [b"".join(struct.pack("<3f", *vertex[i]) for vertex in vertices) for i in range(3)]
    indices = struct.pack(f"<{3 * len(triangles)}H", *(i for triangle in triangles for i in triangle))
    binary = b"".join(columns) + indices + b"\x00" * (-len(indices) % 4)
    views, offset = [], 0
    for column in columns:
        views.append({"buffer": 0, "byteOffset": offset, "byteLength": len(column), "target": 34962})
        offset += len(column)
    views.append({"buffer": 0, "byteOffset": offset, "byteLength": len(indices), "target": 34963})
    count = len(vertices)
    document = {
        "asset": {"version": "2.0", "generator": "stface examples/model3d.py"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": "cube"}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "COLOR_0": 2}, "indices": 3}]}],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": views,
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": count, "type": "VEC3", "min": [-half] * 3, "max": [half] * 3},
            {"bufferView": 1, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 3, "componentType": 5123, "count": 3 * len(triangles), "type": "SCALAR"},
        ],
    }
    text = json.dumps(document).encode()
    text += b" " * (-len(text) % 4)
    chunks = struct.pack("<I4s", len(text), b"JSON") + text + struct.pack("<I4s", len(binary), b"BIN\x00") + binary
    return struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks


def make_cube(size, file_format):
    """Write the cube (one file per size and format, replaced atomically) and return its path."""
    FOLDER.mkdir(exist_ok=True)
    path = FOLDER / f"cube-{float(size):g}.{file_format}"
    data = glb_bytes(size / 2) if file_format == "glb" else obj_text(size / 2).encode()
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
    return str(path)


demo = gr.Interface(
    make_cube,
    [gr.Slider(0.5, 4, value=2, step=0.5, label="Size"), gr.Radio(["glb", "obj"], value="glb", label="Format")],
    gr.Model3D(label="Cube", clear_color=(0.96, 0.96, 0.98, 1), camera_position=(-60, 65, 9), height=360),
    title="A coloured cube in 3D",
    description="Choose a size and a file format: fn writes the cube and returns its path.",
)

if __name__ == "__main__":
    demo.launch()
