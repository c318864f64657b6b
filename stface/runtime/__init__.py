"""Everything that calls Streamlit: drawing pages, generated scripts, servers."""
