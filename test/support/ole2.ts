/**
 * A minimal, well-formed OLE2 compound file (version 3, 512-byte sectors) with one stream: what
 * a .doc (`WordDocument`), .xls (`Workbook`) or .wps holds at its root. No library on the
 * machine writes the old binary formats, and a real one is what the evidence check must take.
 */
export function compoundFile(streamName: string, content = Buffer.alloc(4096, 0x20)): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const NONE = 0xffffffff;
  // A stream of at least 4096 bytes lives in ordinary sectors (no mini stream needed).
  const data = Buffer.alloc(Math.max(4096, Math.ceil(content.length / SECTOR) * SECTOR));
  content.copy(data);
  const dataSectors = data.length / SECTOR;

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(END, 68); // first DIFAT sector
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(END, 4); // sector 1: the directory
  for (let i = 0; i < dataSectors; i++) {
    fat.writeUInt32LE(i === dataSectors - 1 ? END : 3 + i, (2 + i) * 4);
  }

  const directory = Buffer.alloc(SECTOR);
  const entry = (
    index: number,
    name: string,
    type: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(NONE, at + 68);
    directory.writeUInt32LE(NONE, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, END, 0);
  entry(1, streamName, 2, NONE, 2, content.length);
  for (const unused of [2, 3]) {
    const at = unused * 128;
    directory.writeUInt32LE(NONE, at + 68);
    directory.writeUInt32LE(NONE, at + 72);
    directory.writeUInt32LE(NONE, at + 76);
  }
  return Buffer.concat([header, fat, directory, data]);
}
