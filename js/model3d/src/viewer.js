// stface's 3D model viewer: the JavaScript of gr.Model3D's st.components.v2 component.
//
// Python (stface/runtime/widgets/model3d.py) passes the model's bytes as base64 with
// Gradio's options; this module draws it with three.js and OrbitControls. Everything
// it needs is bundled here: it fetches nothing at run time (a .gltf arrives with its
// buffers and images inlined as data: URIs, and any other URL is refused).
//
// The page marks its state on the root element for tests and assistive tools:
// data-state="loading" | "ready" | "error" (with the message in data-error).

import {
  AmbientLight,
  AnimationMixer,
  Box3,
  BufferGeometry,
  Clock,
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  LoadingManager,
  Mesh,
  MeshStandardMaterial,
  PerspectiveCamera,
  Points,
  PointsMaterial,
  SRGBColorSpace,
  Scene,
  Sphere,
  Spherical,
  Vector3,
  WebGLRenderer,
} from "three";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { OBJLoader } from "three/addons/loaders/OBJLoader.js";
import { PLYLoader } from "three/addons/loaders/PLYLoader.js";
import { STLLoader } from "three/addons/loaders/STLLoader.js";

const DEFAULT_ALPHA = -90; // Gradio's (Babylon's) default camera: in front of the model
const DEFAULT_BETA = 90;
const MODEL_GREY = 0xb4b4b4;

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Only data: and blob: URLs are loaded; a model that names another file or a
// server gets an error instead of a request.
function offlineManager() {
  const manager = new LoadingManager();
  manager.setURLModifier((url) => {
    if (/^(data|blob):/i.test(url)) return url;
    throw new Error(`the model refers to '${url}', which stface does not fetch (embed it in the file)`);
  });
  return manager;
}

function parseModel(format, bytes) {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const text = () => new TextDecoder().decode(bytes);
  switch (format) {
    case "glb":
    case "gltf":
      return new Promise((resolve, reject) => {
        const loader = new GLTFLoader(offlineManager());
        loader.parse(format === "glb" ? buffer : text(), "", resolve, reject);
      }).then((gltf) => ({ object: gltf.scene, animations: gltf.animations || [] }));
    case "obj":
      return Promise.resolve({ object: new OBJLoader(offlineManager()).parse(text()), animations: [] });
    case "stl": {
      const geometry = new STLLoader().parse(buffer);
      const material = new MeshStandardMaterial({ color: MODEL_GREY, vertexColors: !!geometry.hasColors });
      return Promise.resolve({ object: new Mesh(geometry, material), animations: [] });
    }
    case "ply": {
      const geometry = new PLYLoader().parse(buffer);
      const colours = !!geometry.getAttribute("color");
      if (geometry.index === null) {
        const material = new PointsMaterial({ color: colours ? 0xffffff : MODEL_GREY, vertexColors: colours });
        return Promise.resolve({ object: new Points(geometry, material), animations: [] });
      }
      if (!geometry.getAttribute("normal")) geometry.computeVertexNormals();
      const material = new MeshStandardMaterial({ color: colours ? 0xffffff : MODEL_GREY, vertexColors: colours });
      return Promise.resolve({ object: new Mesh(geometry, material), animations: [] });
    }
    default:
      return Promise.reject(new Error(`unknown model format '${format}'`));
  }
}

// Gradio's display_mode: "solid" (as loaded), "wireframe" or "point_cloud".
function applyDisplayMode(root, mode, pointSize) {
  if (mode === "wireframe") {
    root.traverse((node) => {
      if (!node.isMesh) return;
      const materials = Array.isArray(node.material) ? node.material : [node.material];
      for (const material of materials) if (material) material.wireframe = true;
    });
    return root;
  }
  if (mode === "point_cloud") {
    const replaced = [];
    root.traverse((node) => {
      if (node.isMesh) replaced.push(node);
    });
    for (const mesh of replaced) {
      const colours = !!mesh.geometry.getAttribute("color");
      const first = Array.isArray(mesh.material) ? mesh.material[0] : mesh.material;
      const colour = !colours && first && first.color ? first.color : new Color(colours ? 0xffffff : MODEL_GREY);
      const points = new Points(
        mesh.geometry,
        new PointsMaterial({ color: colour, size: pointSize, vertexColors: colours, sizeAttenuation: true }),
      );
      points.position.copy(mesh.position);
      points.quaternion.copy(mesh.quaternion);
      points.scale.copy(mesh.scale);
      points.name = mesh.name;
      mesh.parent.add(points);
      mesh.parent.remove(mesh);
    }
  }
  return root;
}

function degrees(value, fallback) {
  return typeof value === "number" && Number.isFinite(value) ? (value * Math.PI) / 180 : (fallback * Math.PI) / 180;
}

class Viewer {
  constructor(root, data) {
    this.root = root;
    this.digest = data.digest;
    this.disposed = false;
    this.disposeTimer = null;
    this.frame = 0;
    this.root.replaceChildren();
    this.root.dataset.state = "loading";
    delete this.root.dataset.error;
    this.root.style.height = `${Math.max(Number(data.height) || 0, 80)}px`;
    this.root.setAttribute("role", "img");
    this.root.setAttribute("aria-label", data.label || data.name || "3D model");
    this.start(data).catch((error) => this.fail(error));
  }

  async start(data) {
    const bytes = decodeBase64(data.model || "");
    let renderer;
    try {
      renderer = new WebGLRenderer({ antialias: true, alpha: true, preserveDrawingBuffer: true });
    } catch (error) {
      throw new Error("this browser cannot draw 3D (WebGL is not available)");
    }
    this.renderer = renderer;
    renderer.outputColorSpace = SRGBColorSpace;
    renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    const [r, g, b, a] = Array.isArray(data.clear_color) ? data.clear_color : [0, 0, 0, 0];
    renderer.setClearColor(new Color().setRGB(r ?? 0, g ?? 0, b ?? 0, SRGBColorSpace), a ?? 1);
    const canvas = renderer.domElement;
    canvas.style.display = "block";
    canvas.style.width = "100%";
    canvas.style.height = "100%";
    canvas.style.touchAction = "none";
    canvas.setAttribute("aria-hidden", "true");
    this.root.appendChild(canvas);

    const scene = (this.scene = new Scene());
    const camera = (this.camera = new PerspectiveCamera(45, 1, 0.01, 1000));
    scene.add(new HemisphereLight(0xffffff, 0x444444, 1.6));
    scene.add(new AmbientLight(0xffffff, 0.4));
    const headlight = new DirectionalLight(0xffffff, 1.6);
    headlight.position.set(0.5, 1, 1);
    camera.add(headlight); // the light follows the camera, so every side is lit
    scene.add(camera);

    const { object, animations } = await parseModel(data.format, bytes);
    if (this.disposed) return;
    const holder = new Group();
    holder.add(object);
    scene.add(holder);

    const box = new Box3().setFromObject(holder);
    if (box.isEmpty()) throw new Error("the model has nothing to draw");
    const sphere = box.getBoundingSphere(new Sphere());
    const size = sphere.radius > 0 ? sphere.radius : 1;
    applyDisplayMode(holder, data.display_mode, size / 60);

    const target = sphere.center.clone();
    const [alpha, beta, radius] = Array.isArray(data.camera_position) ? data.camera_position : [];
    const distance =
      typeof radius === "number" && radius > 0 ? radius : (size / Math.sin((camera.fov * Math.PI) / 360)) * 1.1;
    this.home = { target, distance, alpha: degrees(alpha, DEFAULT_ALPHA), beta: degrees(beta, DEFAULT_BETA) };
    camera.near = Math.max(size / 1000, 1e-4);
    camera.far = size * 100 + distance * 10;
    camera.updateProjectionMatrix();

    const controls = (this.controls = new OrbitControls(camera, canvas));
    controls.zoomSpeed = Number(data.zoom_speed) > 0 ? Number(data.zoom_speed) : 1;
    controls.panSpeed = Number(data.pan_speed) > 0 ? Number(data.pan_speed) : 1;
    controls.minDistance = size / 100;
    controls.maxDistance = size * 50 + distance * 5;
    controls.addEventListener("change", () => this.render());
    this.resetCamera();

    if (animations.length) {
      this.mixer = new AnimationMixer(object);
      this.mixer.clipAction(animations[0]).play(); // Gradio plays a model's first animation
      this.clock = new Clock();
      const tick = () => {
        if (this.disposed) return;
        this.mixer.update(this.clock.getDelta());
        this.render();
        this.frame = requestAnimationFrame(tick);
      };
      this.frame = requestAnimationFrame(tick);
    }

    this.addResetButton();
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(this.root);
    this.resize();
    this.root.dataset.state = "ready";
  }

  // Babylon's ArcRotateCamera angles, as Gradio passes them: alpha around the
  // vertical axis, beta down from the top, both in degrees; radius from the centre.
  resetCamera() {
    const { target, distance, alpha, beta } = this.home;
    // setFromSpherical gives (r sinφ sinθ, r cosφ, r sinφ cosθ); with φ = beta and
    // θ = π/2 + alpha that is Babylon's (r cosα sinβ, r cosβ, r sinα sinβ) mirrored
    // in z for three.js's right-handed axes: alpha = -90° is in front of the model.
    const offset = new Vector3().setFromSpherical(new Spherical(distance, beta, Math.PI / 2 + alpha));
    this.camera.position.copy(target).add(offset);
    this.controls.target.copy(target);
    this.camera.lookAt(target);
    this.controls.update();
    this.render();
  }

  addResetButton() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "stface-model3d-reset";
    button.title = "Reset the view";
    button.setAttribute("aria-label", "Reset the view");
    button.textContent = "\u21ba";
    button.addEventListener("click", () => this.resetCamera());
    this.root.appendChild(button);
  }

  resize() {
    if (!this.renderer || this.disposed) return;
    const width = Math.max(this.root.clientWidth, 1);
    const height = Math.max(this.root.clientHeight, 1);
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.render();
  }

  render() {
    if (this.renderer && !this.disposed) this.renderer.render(this.scene, this.camera);
  }

  fail(error) {
    if (this.disposed) return;
    const message = `Could not show this model: ${error && error.message ? error.message : error}`;
    this.root.dataset.state = "error";
    this.root.dataset.error = message;
    const note = document.createElement("p");
    note.className = "stface-model3d-error";
    note.textContent = message; // text only: the message may quote the file
    this.root.replaceChildren(note);
    this.release();
  }

  release() {
    cancelAnimationFrame(this.frame);
    if (this.resizer) this.resizer.disconnect();
    if (this.controls) this.controls.dispose();
    if (this.scene) {
      this.scene.traverse((node) => {
        if (node.geometry instanceof BufferGeometry) node.geometry.dispose();
        const materials = Array.isArray(node.material) ? node.material : node.material ? [node.material] : [];
        for (const material of materials) {
          for (const value of Object.values(material)) if (value && value.isTexture) value.dispose();
          material.dispose();
        }
      });
    }
    if (this.renderer) {
      this.renderer.dispose();
      this.renderer.forceContextLoss();
      this.renderer = null;
    }
  }

  dispose() {
    clearTimeout(this.disposeTimer);
    if (this.disposed) return;
    this.disposed = true;
    this.release();
    this.root.replaceChildren();
  }

  // Streamlit calls the cleanup before it calls the module again after a rerun;
  // the same model then keeps its viewer (and the person's camera) instead of a new one.
  scheduleDispose() {
    clearTimeout(this.disposeTimer);
    this.disposeTimer = setTimeout(() => this.dispose(), 200);
  }

  keep() {
    clearTimeout(this.disposeTimer);
  }
}

const viewers = new WeakMap();

export default function mountModel3D(component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".stface-model3d");
  if (!root || !data) return undefined;
  let viewer = viewers.get(root);
  if (viewer && !viewer.disposed && viewer.digest === data.digest) {
    viewer.keep();
  } else {
    if (viewer) viewer.dispose();
    viewer = new Viewer(root, data);
    viewers.set(root, viewer);
  }
  return () => viewer.scheduleDispose();
}
