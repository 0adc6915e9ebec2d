/**
 * Node decodes GB18030 but has no encoder: the tests that send a plan as an office's Windows
 * machine saved it build the bytes from the decoder's own table (unknown characters become `?`).
 */
let table: Map<string, number[]> | undefined;

export function encodeGb18030(text: string): Buffer {
  if (!table) {
    const decoder = new TextDecoder('gb18030');
    table = new Map();
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
