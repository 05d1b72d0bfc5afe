// SVG to PNG with resvg (a Rust renderer shipped as a prebuilt native addon; no browser, no canvas).
// Text needs installed fonts: resvg loads the system fonts and maps generic families to DejaVu Sans,
// which Debian ships as fonts-dejavu-core. Without any font, text is silently left out (see canRenderText).
import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";

type ResvgModule = typeof import("@resvg/resvg-js");
let resvg: ResvgModule | undefined;

/** Loads the native renderer on first use, so importing the report layer (tables, CSV) never needs it. */
function loadResvg(): ResvgModule {
  resvg ??= createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  return resvg;
}

export interface PngOptions {
  /** Output width in px (height follows the aspect ratio); default the SVG's own width. */
  width?: number;
}

const FALLBACK_FAMILY = "DejaVu Sans";

function options(width: number | undefined): ResvgRenderOptions {
  return {
    font: {
      loadSystemFonts: true,
      defaultFontFamily: FALLBACK_FAMILY,
      sansSerifFamily: FALLBACK_FAMILY,
    },
    background: "#ffffff",
    ...(width !== undefined ? { fitTo: { mode: "width" as const, value: Math.round(width) } } : {}),
    shapeRendering: 2,
    textRendering: 1,
  };
}

/** Renders an SVG document to PNG bytes; `width` scales it (e.g. 1600 for a 2x image of an 800 px chart). */
export function renderPng(svg: string, pngOptions: PngOptions = {}): Uint8Array {
  const { width } = pngOptions;
  if (width !== undefined && !(Number.isFinite(width) && width >= 1 && width <= 16384)) {
    throw new Error(`png width: ${width} (expected 1-16384 px)`);
  }
  const { Resvg } = loadResvg();
  return new Resvg(svg, options(width)).render().asPng();
}

let textCheck: boolean | undefined;

/** Whether resvg finds a font here (text would otherwise be missing from PNGs); cached after the first call. */
export function canRenderText(): boolean {
  if (textCheck === undefined) {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><text x="4" y="22" font-family="system-ui, sans-serif" font-size="20" fill="#000">Hg</text></svg>';
    const pixels = new (loadResvg().Resvg)(svg, options(undefined)).render().pixels;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
    textCheck = dark > 20;
  }
  return textCheck;
}
