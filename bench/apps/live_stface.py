from live_common import flip

import stface as gr

demo = gr.Interface(flip, gr.Image(sources=["webcam"], streaming=True, mirror_webcam=False), gr.Image(), live=True,
                    time_limit=None)  # fmt: skip
