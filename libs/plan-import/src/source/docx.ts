import { Parser } from 'htmlparser2';

/** A Word document's body in order: paragraphs, and tables as grids of cell texts. */
export type DocxBlock = { type: 'paragraph'; text: string } | { type: 'table'; grid: string[][] };

interface RawCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * Reads mammoth's HTML (its output is small and regular: p, h1–h6, li, table/tr/td/th with
 * colspan and rowspan). Nested tables are read as text of their cell.
 */
export function docxBlocks(html: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let depth = 0;
  let rows: RawCell[][] = [];
  let cell: RawCell | undefined;
  let paragraph: string[] | undefined;
  const flushParagraph = () => {
    if (!paragraph) return;
    const text = paragraph.join('').trim();
    if (cell) cell.text += (cell.text ? '\n' : '') + text;
    else if (text) blocks.push({ type: 'paragraph', text });
    paragraph = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'table') {
          flushParagraph();
          depth++;
          if (depth === 1) rows = [];
        } else if (depth === 1 && name === 'tr') {
          rows.push([]);
        } else if (depth === 1 && (name === 'td' || name === 'th')) {
          cell = {
            text: '',
            colspan: Math.max(1, Math.min(Number(attributes.colspan) || 1, 200)),
            rowspan: Math.max(1, Math.min(Number(attributes.rowspan) || 1, 10_000)),
          };
        } else if (/^(p|h[1-6]|li)$/.test(name)) {
          flushParagraph();
          paragraph = [];
        } else if (name === 'br') {
          paragraph?.push('\n');
        }
      },
      ontext(text) {
        if (paragraph) paragraph.push(text);
        else if (cell) cell.text += text;
        else if (depth === 0 && text.trim()) blocks.push({ type: 'paragraph', text: text.trim() });
      },
      onclosetag(name) {
        if (/^(p|h[1-6]|li)$/.test(name)) flushParagraph();
        else if (depth === 1 && (name === 'td' || name === 'th') && cell) {
          flushParagraph();
          rows[rows.length - 1]?.push(cell);
          cell = undefined;
        } else if (name === 'table') {
          if (depth === 1) blocks.push({ type: 'table', grid: toGrid(rows) });
          depth = Math.max(0, depth - 1);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flushParagraph();
  return blocks;
}

/**
 * Spreads spans into a rectangular grid: a cell spanning rows (a merged 牵头单位) gives its text
 * to every row it spans; a cell spanning columns gives it to its first column only.
 */
function toGrid(rows: RawCell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[r + dr][c + dc] = dc === 0 ? cell.text.trim() : '';
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** The document as plain text: paragraphs one a line, table rows with tab-separated cells. */
export function docxText(blocks: DocxBlock[]): string {
  return blocks
    .flatMap((b) =>
      b.type === 'paragraph'
        ? [b.text]
        : b.grid.map((row) => row.map((c) => c.replace(/\s+/g, ' ')).join('\t')),
    )
    .join('\n');
}
