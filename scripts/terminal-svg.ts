// Renders an @xterm/headless screen (text, 16/256 colours, bold, inverse) as an SVG picture.
import type { Terminal } from "@xterm/headless";

const PALETTE = [
  "#1d1f21",
  "#cc6666",
  "#b5bd68",
  "#f0c674",
  "#81a2be",
  "#b294bb",
  "#8abeb7",
  "#c5c8c6",
  "#666666",
  "#d54e53",
  "#b9ca4a",
  "#e7c547",
  "#7aa6da",
  "#c397d8",
  "#70c0b1",
  "#eaeaea",
];
const FOREGROUND = "#c5c8c6";
const BACKGROUND = "#1d1f21";
const CELL_WIDTH = 8.4;
const CELL_HEIGHT = 17;

function color256(index: number): string {
  if (index < 16) return PALETTE[index]!;
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level},${level},${level})`;
  }
  const n = index - 16;
  const step = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return `rgb(${step(Math.floor(n / 36))},${step(Math.floor(n / 6) % 6)},${step(n % 6)})`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function terminalToSvg(terminal: Terminal): string {
  const buffer = terminal.buffer.active;
  const width = Math.ceil(terminal.cols * CELL_WIDTH) + 20;
  const height = terminal.rows * CELL_HEIGHT + 20;
  const parts: string[] = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line) continue;
    for (let x = 0; x < terminal.cols; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      let fg = cell.isFgDefault()
        ? FOREGROUND
        : cell.isFgRGB()
          ? `#${cell.getFgColor().toString(16).padStart(6, "0")}`
          : color256(cell.getFgColor());
      let bg = cell.isBgDefault()
        ? undefined
        : cell.isBgRGB()
          ? `#${cell.getBgColor().toString(16).padStart(6, "0")}`
          : color256(cell.getBgColor());
      if (cell.isInverse()) [fg, bg] = [bg ?? BACKGROUND, fg];
      if (cell.isDim()) fg = `${fg}" opacity="0.6`;
      const px = 10 + x * CELL_WIDTH;
      const py = 10 + y * CELL_HEIGHT;
      if (bg)
        parts.push(
          `<rect x="${px}" y="${py}" width="${CELL_WIDTH * cell.getWidth() + 0.5}" height="${CELL_HEIGHT}" fill="${bg}"/>`,
        );
      const chars = cell.getChars();
      if (chars && chars !== " ") {
        const weight = cell.isBold() ? ' font-weight="bold"' : "";
        parts.push(`<text x="${px}" y="${py + 13}" fill="${fg}"${weight}>${escapeXml(chars)}</text>`);
      }
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" rx="6" fill="${BACKGROUND}"/>`,
    `<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">`,
    ...parts,
    "</g></svg>",
    "",
  ].join("\n");
}
