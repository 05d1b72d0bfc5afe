// Text width estimates for layout. The widths are DejaVu Sans advances (the font resvg finds on Debian and
// one of the widest system-ui fallbacks), so layouts made with them also fit narrower fonts.

const NARROW = new Set([..."iljI.,:;'|!()[]{}`"]);
const SEMI = new Set([...'frt /-"*']);
const WIDE = new Set([..."mwMW%@"]);

/** Approximate rendered width in px of `text` at `fontSizePx` (bold is about 8% wider). */
export function measureText(text: string, fontSizePx: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (NARROW.has(char)) em += 0.3;
    else if (SEMI.has(char)) em += 0.4;
    else if (WIDE.has(char)) em += 0.95;
    else if (code >= 0x2e80)
      em += 1.0; // CJK and other full-width scripts
    else if (char >= "A" && char <= "Z") em += 0.72;
    else em += 0.62; // digits 0.636, most lower case 0.55-0.63
  }
  return em * fontSizePx * (bold ? 1.08 : 1);
}

/** Greedy word wrap of `text` into lines no wider than `maxWidthPx`; a single over-long word keeps its own line. */
export function wrapText(text: string, maxWidthPx: number, fontSizePx: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && measureText(candidate, fontSizePx, bold) > maxWidthPx) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Shortens `text` with an ellipsis so it fits `maxWidthPx`. */
export function truncateText(text: string, maxWidthPx: number, fontSizePx: number): string {
  if (measureText(text, fontSizePx) <= maxWidthPx) return text;
  const chars = [...text];
  while (chars.length > 1 && measureText(chars.join("") + "…", fontSizePx) > maxWidthPx) chars.pop();
  return chars.join("") + "…";
}
