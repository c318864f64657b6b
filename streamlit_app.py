"""The stface examples gallery: one page per app in examples/.

Run it with `make demo` (or `streamlit run streamlit_app.py`). Each page in
pages/ imports its example once per server process and draws it. The
Hugging Face pages use tiny local models (examples/tiny_models.py) unless
the STFACE_*_MODEL variables name real ones.
"""

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).resolve().parent / "pages"

navigation = st.navigation(
    {
        "Text and forms": [
            st.Page(PAGES / "1_hello.py", title="Hello", icon="👋", default=True),
            st.Page(PAGES / "2_calculator.py", title="Calculator", icon="🧮"),
            st.Page(PAGES / "3_sentence_builder.py", title="Sentence builder", icon="📝"),
            st.Page(PAGES / "4_gender.py", title="Gender of a sentence", icon="🏷️"),
            st.Page(PAGES / "9_interpretation.py", title="Interpretation", icon="🔍"),
            st.Page(PAGES / "14_css.py", title="Custom CSS", icon="🎨"),
            st.Page(PAGES / "21_dates_and_dialogue.py", title="Dates, dialogue and notes", icon="📅"),
        ],
        "Audio and images": [
            st.Page(PAGES / "5_reverse_audio.py", title="Reverse audio", icon="🎙️"),
            st.Page(PAGES / "6_generate_tone.py", title="Generate a tone", icon="🎵"),
            st.Page(PAGES / "7_sepia.py", title="Sepia filter", icon="🖼️"),
            st.Page(PAGES / "8_webcam.py", title="Webcam", icon="📷"),
            st.Page(PAGES / "17_gallery.py", title="Gallery and annotated image", icon="🖼️"),
            st.Page(PAGES / "20_sketch.py", title="Sketchpad", icon="✏️"),
            st.Page(PAGES / "19_model3d.py", title="3D model", icon="🧊"),
        ],
        "Live webcam and microphone": [
            st.Page(PAGES / "22_live_webcam_filter.py", title="Live webcam filter", icon="🎥"),
            st.Page(PAGES / "23_live_speech_recognition.py", title="Live speech recognition", icon="🗣️"),
            st.Page(PAGES / "24_live_audio_effect.py", title="Live audio effect", icon="🎛️"),
        ],
        "Plots, colour and code": [
            st.Page(PAGES / "16_plots.py", title="Plots", icon="📈"),
            st.Page(PAGES / "18_color_code.py", title="Colour and code", icon="🎨"),
        ],
        "Hugging Face models": [
            st.Page(PAGES / "10_load_text_generation.py", title="Text generation", icon="🤗"),
            st.Page(PAGES / "11_parallel_generators.py", title="Parallel generators", icon="⏸️"),
            st.Page(PAGES / "12_series_generate_translate.py", title="Generate, then translate", icon="⛓️"),
            st.Page(PAGES / "13_transcribe_audio.py", title="Transcribe audio", icon="📝"),
            st.Page(PAGES / "15_chat.py", title="Chat with a small model", icon="💬"),
        ],
    }
)
navigation.run()
