// Build the viewer into one ES module for Python: stface/runtime/widgets/static/model3d.js.
// The banner records a digest of the sources and the lock file, which
// tests/unit/test_model3d.py compares, so a stale bundle fails the tests.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, "..", "..", "stface", "runtime", "widgets", "static", "model3d.js");

export function sourceDigest() {
  const hash = createHash("sha256");
  const files = ["build.mjs", "package.json", "package-lock.json", ...readdirSync(join(here, "src")).sort().map((f) => `src/${f}`)];
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(here, file)).toString("utf8").replace(/\r\n/g, "\n"));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const three = JSON.parse(readFileSync(join(here, "node_modules", "three", "package.json"), "utf8")).version;

await build({
  entryPoints: [join(here, "src", "viewer.js")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2020"],
  minify: true,
  legalComments: "eof",
  banner: {
    js: `/* stface gr.Model3D viewer: three.js ${three} (MIT). Built by js/model3d/build.mjs; do not edit. sources-sha256=${sourceDigest()} */`,
  },
  logLevel: "info",
});
