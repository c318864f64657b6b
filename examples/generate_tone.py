"""Generate a tone: a note, an octave and a duration in, a sine wave out."""

import numpy as np

import stface as gr

notes = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def generate_tone(note, octave, duration):
    sr = 48000
    a4_freq, tones_from_a4 = 440, 12 * (octave - 4) + (note - 9)
    frequency = a4_freq * 2 ** (tones_from_a4 / 12)
    duration = int(duration)
    audio = np.linspace(0, duration, duration * sr, endpoint=False)
    audio = (20000 * np.sin(audio * (2 * np.pi * frequency))).astype(np.int16)
    return sr, audio


demo = gr.Interface(
    generate_tone,
    [
        gr.Dropdown(notes, type="index", value="A", label="Note"),
        gr.Slider(4, 6, step=1, label="Octave"),
        gr.Number(value=1, label="Duration in seconds", precision=0, minimum=1, maximum=10),
    ],
    "audio",
    title="Generate a tone",
)

if __name__ == "__main__":
    demo.launch()
