import stface


def test_public_surface_is_deliberate():
    assert sorted(stface.__all__) == sorted(
        [
            "HTML", "JSON", "Audio", "File", "Files", "Image", "List", "Matrix", "Microphone", "Numpy", "Pil",
            "PlayableVideo", "Video", "Webcam", "Checkbox", "CheckboxGroup", "Checkboxgroup", "Component", "DataFrame",
            "Dataframe", "Dropdown", "Error", "Info", "OAuthProfile", "OAuthToken", "Request", "Success", "Warning", "Highlight", "HighlightedText", "Highlightedtext",
            "Interface", "Json", "Label", "Markdown", "MessageDict", "Number", "Radio", "Slider", "State", "Text",
            "TextArea", "Textbox", "Variable", "__version__", "inputs", "outputs", "load", "set_static_paths", "skip", "update", "Dialogue", "WaveformOptions", "DateTime", "DownloadButton", "FileExplorer", "ImageSlider", "Mic", "MultimodalTextbox", "ParamViewer", "Parallel", "Progress", "Series", "TabbedInterface", "themes",
                "ChatInterface", "ChatMessage", "Chatbot",
            "BarPlot", "LinePlot", "Plot", "ScatterPlot", "TimeSeries", "Timeseries",
                "AnnotatedImage", "Annotatedimage", "Code", "ColorPicker", "Gallery", "UploadButton",
                "Brush", "Eraser", "ImageEditor", "ImageMask", "ImagePaint", "LayerOptions", "Paint", "Sketchpad",
                "WebcamOptions",
                "Model3D",
                "Cache", "WatermarkOptions", "cache", "make_waveform",
                "load_chat", "load_openapi",
                "CSVLogger", "FlaggingCallback", "HuggingFaceDatasetJSONSaver", "HuggingFaceDatasetSaver", "SimpleCSVLogger", "SQLLogger",
                "BrowserState", "I18n",
                "CopyData", "DeletedFileData", "DownloadData", "EditData", "EventData", "FileData", "FileSize",
                "Header", "KeyUpData", "LikeData", "NO_RELOAD", "RetryData", "SelectData", "Theme", "UndoData",
                "close_all", "data_classes", "events", "exceptions", "helpers", "mcp", "validate",
        ]
    )  # fmt: skip


def test_every_exported_class_has_a_docstring_with_an_example():
    undocumented = [
        name
        for name in stface.__all__
        if isinstance(getattr(stface, name), type) and "Example" not in (getattr(stface, name).__doc__ or "")
    ]
    assert undocumented == []
