// stface's drawing canvas (an st.components.v2 component; plain JS, no build step).
//
// A background (uploaded, pasted, dropped or taken with the webcam) under one
// canvas per layer. The brush and the eraser draw on the chosen layer with
// pointer events. When a stroke ends (and after an upload, undo, clear...)
// the whole drawing goes to Python with setStateValue("value", ...): the
// background file as the person gave it and each layer as a PNG, all as data
// URLs. Python checks and decodes them (stface/components/_drawing.py).
//
// data: {token, config, initial}. A new token (Python stored a value: Clear,
// an example) starts a new drawing from `initial`; the same token keeps the
// drawing through reruns.

const SAVED = new Map(); // token -> the last state sent, so a remounted canvas shows what was drawn
let serial = 0;

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  if (!data || !data.config) return undefined;
  let editor = parentElement.__stfaceDrawing;
  if (!editor || editor.destroyed || editor.token !== data.token) {
    if (editor) {
      if (editor.token !== data.token) SAVED.delete(editor.token); // that canvas will not come back
      editor.destroy();
    }
    editor = new Editor(parentElement, data, setStateValue);
    parentElement.__stfaceDrawing = editor;
  } else {
    editor.setDisabled(Boolean(data.config.disabled));
  }
  const current = editor;
  return () => current.destroy();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text, title, className) {
  const node = element("button", "sf-button" + (className ? " " + className : ""), text);
  node.type = "button";
  node.title = title;
  node.setAttribute("aria-label", title);
  return node;
}

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("not an image"));
    image.src = url;
  });
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// Any CSS colour as #rrggbb, for <input type=color>.
function asHex(colour) {
  const probe = document.createElement("canvas").getContext("2d");
  probe.fillStyle = "#000000";
  probe.fillStyle = colour;
  const value = probe.fillStyle;
  if (value.startsWith("#")) return value;
  const parts = value.match(/[\d.]+/g) || ["0", "0", "0"];
  return "#" + parts.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("");
}

class Editor {
  constructor(root, data, send) {
    this.root = root;
    this.token = data.token;
    this.send = send;
    const config = (this.config = data.config);
    this.width = config.width;
    this.height = config.height;
    this.layers = [];
    this.names = [];
    this.active = 0;
    this.history = [];
    this.background = null; // data URL of the background file
    this.backgroundImage = null;
    this.touched = false;
    this.tool = config.brush ? "brush" : config.eraser ? "eraser" : null;
    this.colour = config.brush ? config.brush.color : "#000000";
    this.alpha = config.brush && config.brush.alpha !== undefined ? config.brush.alpha : 1;
    this.sizes = {
      brush: config.brush && config.brush.size ? config.brush.size : null,
      eraser: config.eraser && config.eraser.size ? config.eraser.size : null,
    };
    this.stroke = null;
    this.stream = null;
    this.destroyed = false;
    this.build();
    this.setDisabled(Boolean(config.disabled));
    const start = SAVED.get(this.token) || data.initial || null;
    this.restore(start);
  }

  // -- the page --------------------------------------------------------------

  build() {
    const config = this.config;
    const wrap = (this.wrap = element("div", "sf-drawing"));
    wrap.tabIndex = 0;
    const bar = (this.bar = element("div", "sf-bar"));
    if (config.brush) {
      this.brushButton = button("Brush", "Draw with the brush", "sf-tool");
      this.brushButton.addEventListener("click", () => this.setTool("brush"));
      bar.appendChild(this.brushButton);
    }
    if (config.eraser) {
      this.eraserButton = button("Eraser", "Erase", "sf-tool");
      this.eraserButton.addEventListener("click", () => this.setTool("eraser"));
      bar.appendChild(this.eraserButton);
    }
    if (config.brush || config.eraser) {
      const label = element("label", "sf-size", "Size ");
      this.sizeInput = element("input");
      this.sizeInput.type = "range";
      this.sizeInput.min = "1";
      this.sizeInput.setAttribute("aria-label", "Brush size");
      this.sizeInput.addEventListener("input", () => {
        if (this.tool) this.sizes[this.tool] = Number(this.sizeInput.value);
      });
      label.appendChild(this.sizeInput);
      bar.appendChild(label);
    }
    if (config.brush) {
      const colours = config.brush.colors || [];
      if (colours.length > 1) {
        const swatches = element("span", "sf-swatches");
        for (const { color, alpha } of colours) {
          const swatch = button("", "Colour " + color, "sf-swatch");
          swatch.style.background = color;
          swatch.addEventListener("click", () => this.setColour(color, alpha));
          swatches.appendChild(swatch);
        }
        bar.appendChild(swatches);
      }
      if (config.brush.picker) {
        this.picker = element("input", "sf-picker");
        this.picker.type = "color";
        this.picker.title = "Brush colour";
        this.picker.setAttribute("aria-label", "Brush colour");
        this.picker.value = asHex(this.colour);
        this.picker.addEventListener("input", () => this.setColour(this.picker.value, 1));
        bar.appendChild(this.picker);
      }
    }
    if (config.layers.length > 1 || config.add_layers) {
      this.layerSelect = element("select", "sf-layer-select");
      this.layerSelect.setAttribute("aria-label", "Layer");
      this.layerSelect.addEventListener("change", () => (this.active = Number(this.layerSelect.value)));
      bar.appendChild(this.layerSelect);
      if (config.add_layers) {
        const add = button("+ Layer", "Add a layer");
        add.addEventListener("click", () => {
          this.addLayer();
          this.active = this.layers.length - 1;
          this.showLayers();
          this.commit();
        });
        bar.appendChild(add);
      }
    }
    bar.appendChild(element("span", "sf-spacer"));
    if (config.sources.includes("upload")) {
      this.fileInput = element("input", "sf-file");
      this.fileInput.type = "file";
      this.fileInput.accept = "image/*";
      this.fileInput.addEventListener("change", () => {
        const file = this.fileInput.files && this.fileInput.files[0];
        if (file) this.useFile(file);
        this.fileInput.value = "";
      });
      const upload = button("Upload", "Upload an image");
      upload.addEventListener("click", () => this.fileInput.click());
      bar.appendChild(upload);
      bar.appendChild(this.fileInput);
    }
    if (config.sources.includes("webcam")) {
      const webcam = button("Webcam", "Take a photo with the webcam");
      webcam.addEventListener("click", () => this.openWebcam());
      bar.appendChild(webcam);
    }
    if (config.sources.length) {
      this.removeButton = button("Remove image", "Remove the image");
      this.removeButton.addEventListener("click", () => this.removeBackground());
      bar.appendChild(this.removeButton);
    }
    const undo = button("Undo", "Undo the last stroke");
    undo.addEventListener("click", () => this.undo());
    bar.appendChild(undo);
    const clear = button("Clear", "Clear the drawing");
    clear.addEventListener("click", () => this.clear());
    bar.appendChild(clear);
    wrap.appendChild(bar);

    const stage = (this.stage = element("div", "sf-stage"));
    this.backgroundCanvas = element("canvas", "sf-canvas sf-background");
    stage.appendChild(this.backgroundCanvas);
    this.layerBox = element("div", "sf-layers");
    if (config.mask_opacity !== null && config.mask_opacity !== undefined) {
      this.layerBox.style.opacity = String(config.mask_opacity);
    }
    stage.appendChild(this.layerBox);
    this.cursor = element("div", "sf-cursor");
    stage.appendChild(this.cursor);
    const hint = config.placeholder || this.defaultHint();
    this.hint = element("div", "sf-hint", hint);
    stage.appendChild(this.hint);
    this.webcamBox = element("div", "sf-webcam");
    this.video = element("video");
    this.video.muted = true;
    this.video.playsInline = true;
    this.webcamBox.appendChild(this.video);
    const shoot = button("Capture", "Take the photo");
    shoot.addEventListener("click", () => this.capture());
    const cancel = button("Cancel", "Close the webcam");
    cancel.addEventListener("click", () => this.closeWebcam());
    const shots = element("div", "sf-webcam-buttons");
    shots.append(shoot, cancel);
    this.webcamBox.appendChild(shots);
    stage.appendChild(this.webcamBox);
    wrap.appendChild(stage);
    this.message = element("div", "sf-message");
    wrap.appendChild(this.message);
    this.root.appendChild(wrap);

    stage.addEventListener("pointerdown", (e) => this.down(e));
    stage.addEventListener("pointermove", (e) => this.move(e));
    stage.addEventListener("pointerup", (e) => this.up(e));
    stage.addEventListener("pointercancel", (e) => this.up(e));
    stage.addEventListener("pointerleave", () => (this.cursor.style.display = "none"));
    stage.addEventListener("dragover", (e) => {
      if (this.config.sources.includes("upload")) e.preventDefault();
    });
    stage.addEventListener("drop", (e) => {
      if (!this.config.sources.includes("upload") || this.disabled) return;
      e.preventDefault();
      const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) this.useFile(file);
    });
    wrap.addEventListener("paste", (e) => {
      if (!this.config.sources.includes("clipboard") || this.disabled) return;
      const items = (e.clipboardData && e.clipboardData.items) || [];
      for (const item of items) {
        if (item.type && item.type.startsWith("image/")) {
          e.preventDefault();
          this.useFile(item.getAsFile());
          return;
        }
      }
    });
    this.resize(this.width, this.height);
    this.setTool(this.tool);
  }

  defaultHint() {
    const sources = this.config.sources;
    if (!this.config.needs_background || !sources.length) return "";
    const ways = [];
    if (sources.includes("upload")) ways.push("upload or drop an image");
    if (sources.includes("clipboard")) ways.push("paste one");
    if (sources.includes("webcam")) ways.push("take a photo");
    return ways.join(", ").replace(/^./, (c) => c.toUpperCase()) + ", then draw on it.";
  }

  setDisabled(disabled) {
    this.disabled = disabled;
    this.wrap.classList.toggle("sf-disabled", disabled);
  }

  setTool(tool) {
    this.tool = tool;
    if (this.brushButton) this.brushButton.classList.toggle("sf-on", tool === "brush");
    if (this.eraserButton) this.eraserButton.classList.toggle("sf-on", tool === "eraser");
    if (this.sizeInput && tool) this.sizeInput.value = String(Math.round(this.lineWidth()));
  }

  setColour(colour, alpha) {
    this.colour = colour;
    this.alpha = alpha === undefined ? 1 : alpha;
    if (this.picker) this.picker.value = asHex(colour);
    this.setTool("brush");
  }

  // The line width in canvas pixels: the chosen size, or the default.
  lineWidth() {
    const tool = this.tool || "brush";
    if (this.sizes[tool]) return this.sizes[tool];
    const options = (tool === "eraser" ? this.config.eraser : this.config.brush) || {};
    if (options.auto === "image") return Math.max(2, Math.round(Math.min(this.width, this.height) / 25));
    const shown = this.stage.getBoundingClientRect().width || this.width;
    return Math.max(1, (20 * this.width) / shown); // 20 pixels on the screen, as Gradio 3.50
  }

  resize(width, height) {
    this.width = width;
    this.height = height;
    this.backgroundCanvas.width = width;
    this.backgroundCanvas.height = height;
    this.stage.style.aspectRatio = `${width} / ${height}`;
    this.stage.style.maxWidth = `${(480 * width) / height}px`;
    for (const layer of this.layers) layer.remove();
    this.layers = [];
    this.names = [];
    for (const name of this.config.layers) this.addLayer(name);
    this.active = 0;
    this.history = [];
    if (this.sizeInput) this.sizeInput.max = String(Math.max(50, Math.round(Math.max(width, height) / 4)));
    this.showLayers();
  }

  addLayer(name) {
    const layer = element("canvas", "sf-canvas sf-layer");
    layer.width = this.width;
    layer.height = this.height;
    this.layerBox.appendChild(layer);
    this.layers.push(layer);
    this.names.push(name || `Layer ${this.layers.length}`);
    return layer;
  }

  showLayers() {
    if (!this.layerSelect) return;
    this.layerSelect.innerHTML = "";
    this.names.forEach((name, index) => {
      const option = element("option", "", name);
      option.value = String(index);
      this.layerSelect.appendChild(option);
    });
    this.layerSelect.value = String(this.active);
  }

  canDraw() {
    return !this.disabled && this.tool && !(this.config.needs_background && !this.background) && !this.stream;
  }

  updateHints() {
    const waiting = this.config.needs_background && !this.background;
    this.hint.style.display = waiting && this.hint.textContent ? "flex" : "none";
    this.stage.classList.toggle("sf-waiting", waiting);
    if (this.removeButton) this.removeButton.style.display = this.background ? "" : "none";
  }

  // -- drawing ----------------------------------------------------------------

  point(event) {
    const box = this.stage.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * this.width) / box.width,
      y: ((event.clientY - box.top) * this.height) / box.height,
      scale: box.width / this.width,
    };
  }

  down(event) {
    if (!this.canDraw() || event.button > 0) return;
    event.preventDefault();
    this.wrap.focus({ preventScroll: true });
    try {
      this.stage.setPointerCapture(event.pointerId);
    } catch (e) {
      /* synthetic pointers cannot be captured */
    }
    const layer = this.layers[this.active];
    const context = layer.getContext("2d");
    this.history.push({ index: this.active, pixels: context.getImageData(0, 0, this.width, this.height) });
    // Up to 20 steps, in about 200 MB of pixels.
    const steps = Math.max(1, Math.min(20, Math.floor(2e8 / (4 * this.width * this.height))));
    while (this.history.length > steps) this.history.shift();
    const erasing = this.tool === "eraser";
    context.globalCompositeOperation = erasing ? "destination-out" : "source-over";
    context.globalAlpha = erasing ? 1 : this.alpha;
    context.strokeStyle = erasing ? "#000000" : this.colour;
    context.fillStyle = context.strokeStyle;
    context.lineWidth = this.lineWidth();
    context.lineCap = "round";
    context.lineJoin = "round";
    const at = this.point(event);
    context.beginPath();
    context.arc(at.x, at.y, context.lineWidth / 2, 0, Math.PI * 2);
    context.fill();
    this.stroke = { context, last: at };
  }

  move(event) {
    const at = this.point(event);
    if (this.canDraw()) {
      const size = this.lineWidth() * at.scale;
      Object.assign(this.cursor.style, {
        display: "block",
        width: `${size}px`,
        height: `${size}px`,
        left: `${at.x * at.scale - size / 2}px`,
        top: `${at.y * at.scale - size / 2}px`,
      });
    }
    if (!this.stroke) return;
    event.preventDefault();
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    for (const one of events.length ? events : [event]) {
      const next = this.point(one);
      const { context, last } = this.stroke;
      context.beginPath();
      context.moveTo(last.x, last.y);
      context.lineTo(next.x, next.y);
      context.stroke();
      this.stroke.last = next;
    }
  }

  up(event) {
    if (!this.stroke) return;
    this.move(event);
    const { context } = this.stroke;
    context.globalCompositeOperation = "source-over";
    context.globalAlpha = 1;
    this.stroke = null;
    this.touched = true;
    this.commit();
  }

  undo() {
    if (this.disabled) return;
    const step = this.history.pop();
    if (!step || !this.layers[step.index]) return;
    this.layers[step.index].getContext("2d").putImageData(step.pixels, 0, 0);
    this.commit();
  }

  clear() {
    if (this.disabled) return;
    for (const layer of this.layers) layer.getContext("2d").clearRect(0, 0, this.width, this.height);
    this.history = [];
    this.touched = false;
    this.commit();
  }

  // -- the background -----------------------------------------------------------

  async useFile(file) {
    if (!file) return;
    this.say("");
    if (!file.type.startsWith("image/")) return this.say("That file is not an image.");
    if (this.config.max_bytes && file.size > this.config.max_bytes) {
      return this.say(`The image is larger than ${(this.config.max_bytes / 1048576).toFixed(1)}MB; use a smaller one.`);
    }
    try {
      await this.setBackground(await readFile(file));
    } catch (e) {
      this.say("The image could not be read; try a PNG or JPEG file.");
    }
  }

  async setBackground(url, keepLayers) {
    const image = await loadImage(url);
    if (this.destroyed) return;
    const pixels = image.naturalWidth * image.naturalHeight;
    if (this.config.max_pixels && pixels > this.config.max_pixels) {
      this.say(`The image is ${image.naturalWidth}x${image.naturalHeight} pixels; the limit is ${this.config.max_pixels} pixels.`);
      return;
    }
    this.background = url;
    this.backgroundImage = image;
    if (this.config.resize_to_background) {
      if (!keepLayers || image.naturalWidth !== this.width || image.naturalHeight !== this.height) {
        this.resize(image.naturalWidth, image.naturalHeight);
      }
    } else if (!keepLayers) {
      this.resize(this.width, this.height);
    }
    this.drawBackground();
    if (!keepLayers) {
      this.touched = false;
      this.commit();
    }
  }

  drawBackground() {
    const context = this.backgroundCanvas.getContext("2d");
    context.clearRect(0, 0, this.width, this.height);
    const image = this.backgroundImage;
    if (image) {
      const fits = image.naturalWidth === this.width && image.naturalHeight === this.height;
      if (fits || this.config.resize_to_background) {
        context.drawImage(image, 0, 0, this.width, this.height);
      } else {
        const scale = Math.min(this.width / image.naturalWidth, this.height / image.naturalHeight);
        const w = Math.max(1, Math.round(image.naturalWidth * scale));
        const h = Math.max(1, Math.round(image.naturalHeight * scale));
        context.drawImage(image, Math.floor((this.width - w) / 2), Math.floor((this.height - h) / 2), w, h);
      }
    }
    this.updateHints();
  }

  removeBackground() {
    if (this.disabled) return;
    this.background = null;
    this.backgroundImage = null;
    this.resize(this.config.width, this.config.height);
    this.drawBackground();
    this.touched = false;
    this.commit();
  }

  async openWebcam() {
    if (this.disabled || this.stream) return;
    this.say("");
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    } catch (e) {
      this.stream = null;
      return this.say("The webcam could not be opened: " + (e && e.message ? e.message : e));
    }
    this.video.srcObject = this.stream;
    this.video.style.transform = this.config.mirror_webcam ? "scaleX(-1)" : "";
    this.webcamBox.style.display = "flex";
    try {
      await this.video.play();
    } catch (e) {
      /* shown once the stream starts */
    }
  }

  capture() {
    const video = this.video;
    if (!this.stream || !video.videoWidth) return;
    const shot = document.createElement("canvas");
    shot.width = video.videoWidth;
    shot.height = video.videoHeight;
    const context = shot.getContext("2d");
    if (this.config.mirror_webcam) {
      context.translate(shot.width, 0);
      context.scale(-1, 1);
    }
    context.drawImage(video, 0, 0);
    this.closeWebcam();
    this.setBackground(shot.toDataURL("image/jpeg", 0.92)).catch(() => this.say("The photo could not be used."));
  }

  closeWebcam() {
    if (this.stream) for (const track of this.stream.getTracks()) track.stop();
    this.stream = null;
    this.video.srcObject = null;
    this.webcamBox.style.display = "none";
  }

  // -- to and from Python ----------------------------------------------------

  commit() {
    const state = {
      serial: `${Date.now()}-${++serial}`,
      width: this.width,
      height: this.height,
      background: this.background,
      layers: this.layers.map((layer) => layer.toDataURL("image/png")),
      names: this.names.slice(),
      touched: this.touched,
      empty: !this.touched && !this.background,
    };
    SAVED.set(this.token, state);
    this.send("value", state);
  }

  async restore(start) {
    this.updateHints();
    if (!start) return;
    try {
      if (start.width && start.height && (start.width !== this.width || start.height !== this.height)) {
        this.resize(start.width, start.height);
      }
      if (start.background) await this.setBackground(start.background, true);
      const layers = start.layers || [];
      for (let index = 0; index < layers.length; index++) {
        if (!layers[index]) continue;
        const name = start.names && start.names[index];
        const layer = this.layers[index] || this.addLayer(name);
        const image = await loadImage(layers[index]);
        if (this.destroyed) return;
        layer.getContext("2d").drawImage(image, 0, 0, this.width, this.height);
      }
      if (start.names) this.names = this.names.map((name, index) => start.names[index] || name);
      this.touched = Boolean(start.touched || (start.touched === undefined && layers.length));
      this.showLayers();
    } catch (e) {
      this.say("The starting image could not be shown.");
    }
  }

  say(text) {
    this.message.textContent = text;
  }

  destroy() {
    this.destroyed = true;
    this.closeWebcam();
    this.wrap.remove();
    if (this.root.__stfaceDrawing === this) this.root.__stfaceDrawing = null;
  }
}
