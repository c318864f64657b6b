"""Gradio 4–6 inputs: a date and time, a dialogue between speakers, a message with files.

fn turns them into a summary and a table of what it received.
"""

import datetime as dt

import stface as gr


def summarise(when, dialogue, note):
    moment = dt.datetime.fromtimestamp(when) if when is not None else None
    lines = dialogue.splitlines() if dialogue else []
    files = note["files"] if note else []
    summary = (f"On {moment:%A %d %B %Y at %H:%M}" if moment else "On no date") + \
        f", {len(lines)} line(s) were said; the note says {note['text']!r} with {len(files)} file(s)."  # fmt: skip
    table = {
        "when": {"type": "float (timestamp)", "description": str(when)},
        "dialogue": {"type": "str", "description": dialogue or "(empty)"},
        "note": {"type": "dict", "description": str(note)},
    }
    return summary, table


demo = gr.Interface(
    summarise,
    [
        gr.DateTime(label="When", value="2026-11-27 10:30:00"),
        gr.Dialogue(speakers=["Host", "Guest"], label="Dialogue",
                    value=[{"speaker": "Host", "text": "Welcome!"}, {"speaker": "Guest", "text": "Thanks."}]),
        gr.MultimodalTextbox(label="Note", file_count="multiple"),
    ],
    [gr.Textbox(label="Summary"), gr.ParamViewer(label="What fn received")],
    title="Dates, dialogue and notes",
)

if __name__ == "__main__":
    demo.launch()
