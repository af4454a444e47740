import fs from "node:fs";
import path from "node:path";
import type { Browser, TestInfo } from "@playwright/test";

// Renders a PDF in Chromium with pdf.js (pdfjs-dist, a devDependency) on a blank page served by
// page.route, offline: no viewer plugin is needed (headless Chromium downloads PDFs instead of showing
// them). Returns the text of every page, and writes page 1 as a PNG under test-results/screenshots.

const ORIGIN = "http://pdf-render.local";
const BUILD = path.join(import.meta.dirname, "..", "..", "node_modules", "pdfjs-dist", "build");
const DIR = path.join(import.meta.dirname, "..", "..", "test-results", "screenshots");

const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#888}canvas{display:block;margin:16px auto;background:#fff;box-shadow:0 2px 8px #0006}</style></head>
<body><script type="module">
import * as pdfjs from "${ORIGIN}/pdf.min.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "${ORIGIN}/pdf.worker.min.mjs";
window.renderPdf = async (base64) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  const texts = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((i) => i.str).join(" "));
    if (n === 1) {
      const viewport = page.getViewport({ scale: 1.5 });
      const canvas = document.createElement("canvas");
      canvas.id = "page-1";
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      document.body.append(canvas);
      await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    }
  }
  return { pages: doc.numPages, text: texts.join("\\n") };
};
window.pdfReady = true;
</script></body></html>`;

export async function renderPdf(
  browser: Browser,
  pdf: Buffer,
  testInfo: TestInfo,
  name: string,
): Promise<{ pages: number; text: string }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1300 } });
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      const file = new URL(route.request().url()).pathname.slice(1);
      if (file === "" || file === "index.html") return route.fulfill({ contentType: "text/html", body: HTML });
      if (file === "pdf.min.mjs" || file === "pdf.worker.min.mjs")
        return route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(path.join(BUILD, file)) });
      return route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { pdfReady?: boolean }).pdfReady === true);
    const result = await page.evaluate(
      (b64) =>
        (window as unknown as { renderPdf: (b: string) => Promise<{ pages: number; text: string }> }).renderPdf(b64),
      pdf.toString("base64"),
    );
    fs.mkdirSync(DIR, { recursive: true });
    const body = await page.locator("#page-1").screenshot({ path: path.join(DIR, `${name}.png`) });
    await testInfo.attach(name, { body, contentType: "image/png" });
    return result;
  } finally {
    await context.close();
  }
}
