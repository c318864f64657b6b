"""Playing a streamed Audio output as fn yields it: one small ``st.components.v2`` component.

Each update of a generator fn draws the newest chunks (int16 PCM, base64)
under a new key; the component keeps one Web Audio context per stream in
the page and schedules every chunk it has not played yet right after the
one before, so the chunks play back to back while fn is still making the
next ones (a drawing the browser skipped is made up by the next, which
carries a few chunks). A new Submit's stream of the same output stops the
one before. The line it
shows ("2.5 s received") carries ``data-chunks`` and ``data-state`` for
tests and curious people.
"""

from __future__ import annotations

import base64
from typing import Any

import numpy as np
import streamlit as st

from stface.components._codecs import to_int16
from stface.stream_media import AudioChunk

__all__ = ["play_chunk"]

_JS = """
export default function (component) {
  const { data, parentElement } = component;
  if (!data || !data.stream) return;
  const all = window.__stfaceAudioStreams || (window.__stfaceAudioStreams = new Map());
  let player = all.get(data.stream);
  if (!player) {
    for (const [id, other] of all) {
      if (other.output === data.output) { other.ctx.close(); all.delete(id); }
    }
    player = { ctx: new AudioContext(), output: data.output, next: 0, seen: new Set(), seconds: 0 };
    all.set(data.stream, player);
  }
  for (const part of data.parts) {
    if (player.seen.has(part.seq)) continue;
    player.seen.add(part.seq);
    const bytes = Uint8Array.from(atob(part.pcm), (c) => c.charCodeAt(0));
    const ints = new Int16Array(bytes.buffer);
    const frames = Math.floor(ints.length / part.channels);
    if (frames === 0) continue;
    const buffer = player.ctx.createBuffer(part.channels, frames, part.rate);
    for (let ch = 0; ch < part.channels; ch++) {
      const out = buffer.getChannelData(ch);
      for (let i = 0; i < frames; i++) out[i] = ints[i * part.channels + ch] / 32768;
    }
    player.seconds += frames / part.rate;
    if (data.autoplay) {
      if (player.ctx.state === "suspended") player.ctx.resume();
      const source = player.ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(player.ctx.destination);
      const at = Math.max(player.ctx.currentTime + 0.02, player.next);
      source.start(at);
      player.next = at + buffer.duration;
    }
  }
  let line = parentElement.querySelector(".sf-audio-stream");
  if (!line) {
    line = document.createElement("div");
    line.className = "sf-audio-stream";
    parentElement.appendChild(line);
  }
  line.textContent = player.seconds.toFixed(1) + " s received" + (data.autoplay ? ", playing as it comes" : "");
  line.dataset.chunks = String(player.seen.size);
  line.dataset.state = player.ctx.state;
}
"""
_CSS = ".sf-audio-stream { font-size: 0.875rem; opacity: 0.7; font-family: var(--st-font, sans-serif); }"
_component: Any = None


def play_chunk(chunk: AudioChunk, *, key: str, output: str, autoplay: bool) -> None:
    """Draw a streamed output's newest chunks (each plays once); ``output`` names the output across Submits."""
    global _component
    if _component is None:
        _component = st.components.v2.component("stface.audio_stream", js=_JS, css=_CSS)
    parts = []
    for seq, clip in chunk.parts:
        samples = to_int16(clip.samples)
        pcm = base64.b64encode(np.ascontiguousarray(samples, dtype="<i2").tobytes()).decode("ascii")
        parts.append({"seq": seq, "rate": clip.sample_rate, "channels": 1 if samples.ndim == 1 else samples.shape[1],
                      "pcm": pcm})  # fmt: skip
    _component(key=key, data={"stream": chunk.stream_id, "parts": parts, "autoplay": autoplay, "output": output})
