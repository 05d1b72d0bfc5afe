// Minimal, deterministic SVG string building: escaping, number printing, elements.

/** Escapes text for XML content and attribute values and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
  );
}

/** A coordinate rounded to 0.01 px; a non-finite value (a bug upstream) prints as 0 so SVG stays valid. */
export function px(value: number): string {
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export type Attrs = Record<string, string | number | undefined | null | false>;

function attrText(attrs: Attrs): string {
  let text = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    text += ` ${name}="${typeof value === "number" ? px(value) : escapeXml(value)}"`;
  }
  return text;
}

/** One element: `el("rect", {x: 1})` -> `<rect x="1"/>`; children are already-built SVG strings. */
export function el(tag: string, attrs: Attrs = {}, children?: string | readonly string[]): string {
  const inner = children === undefined ? "" : typeof children === "string" ? children : children.join("");
  return inner === "" ? `<${tag}${attrText(attrs)}/>` : `<${tag}${attrText(attrs)}>${inner}</${tag}>`;
}

/** A text element with escaped content. */
export function textEl(content: string, attrs: Attrs): string {
  return `<text${attrText(attrs)}>${escapeXml(content)}</text>`;
}

/** An SVG path "d" through points, as straight segments. */
export function polylinePath(points: ReadonlyArray<readonly [number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${px(x)},${px(y)}`).join("");
}

/** A short deterministic id prefix from text (FNV-1a), so several charts on one page keep distinct clip ids. */
export function idFrom(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `cc${hash.toString(36)}`;
}
