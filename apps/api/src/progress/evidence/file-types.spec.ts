import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { compoundFile } from '../../../../../test/support/ole2';
import { zip } from '../../../../../test/support/zip';
import { checkEvidence, checkEvidenceFile, uploadedName } from './file-types';

const bytes = (...values: number[]) => Buffer.from(values);
const text = (s: string) => Buffer.from(s, 'latin1');

describe('checkEvidence', () => {
  let docx: Buffer;
  let xlsx: Buffer;

  beforeAll(async () => {
    docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('工作台账')] }] }),
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['集体学法', 5, '次']);
    xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it.each([
    ['会议纪要.pdf', text('%PDF-1.7\n'), 'application/pdf'],
    ['现场.PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['现场.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['现场.jpeg', bytes(0xff, 0xd8, 0xff, 0xe1), 'image/jpeg'],
    ['动图.gif', text('GIF89a\x01\x00'), 'image/gif'],
    ['图.webp', text('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['说明.txt', Buffer.from('开展集体学法5次\n'), 'text/plain; charset=utf-8'],
  ])('accepts %s', (name, content, contentType) => {
    expect(checkEvidence(name, content)).toEqual({ contentType });
  });

  it('accepts a real .docx and a real .xlsx, and refuses each under the other’s name', () => {
    expect(checkEvidence('台账.docx', docx).contentType).toContain('wordprocessingml');
    expect(checkEvidence('台账.xlsx', xlsx).contentType).toContain('spreadsheetml');
    expect(() => checkEvidence('台账.xlsx', docx)).toThrow(UnsupportedMediaTypeException);
    expect(() => checkEvidence('台账.docx', xlsx)).toThrow(UnsupportedMediaTypeException);
  });

  it.each([
    ['an executable', 'tool.exe', text('MZ\x90\x00')],
    ['no extension', 'README', Buffer.from('text')],
    ['a truncated compound file named .doc', '旧格式.doc', bytes(0xd0, 0xcf, 0x11, 0xe0)],
    ['a workbook named .doc', '表.doc', compoundFile('Workbook')],
    ['a Word file named .xls', '文.xls', compoundFile('WordDocument')],
    ['a PDF named .wps', '文.wps', text('%PDF-1.7\n')],
    [
      'a plain zip named .ofd',
      '文.ofd',
      zip([{ name: 'Doc_0/Document.xml', content: text('<a/>') }]),
    ],
    ['a compound file named .zip', '包.zip', compoundFile('WordDocument')],
    ['HTML named .pdf', 'fake.pdf', text('<html>')],
    ['a WAV named .webp', 'sound.webp', text('RIFF\x10\x00\x00\x00WAVEfmt ')],
    ['a plain ZIP named .docx', 'archive.docx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['binary named .txt', 'data.txt', bytes(0x00, 0x01, 0x02)],
    ['GBK bytes named .txt', 'gbk.txt', bytes(0xc4, 0xe3, 0xba, 0xc3, 0xff)],
    ['a PNG named .jpg', 'photo.jpg', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  ])('refuses %s (415, in Chinese)', (_, name, content) => {
    expect(() => checkEvidence(name, content)).toThrow(UnsupportedMediaTypeException);
    expect(() => checkEvidence(name, content)).toThrow(/只接受 \.pdf、\.png/);
  });

  it.each([
    ['通知.doc', compoundFile('WordDocument'), 'application/msword'],
    ['台账.xls', compoundFile('Workbook'), 'application/vnd.ms-excel'],
    ['老台账.XLS', compoundFile('Book'), 'application/vnd.ms-excel'],
    ['讲话稿.wps', compoundFile('WordDocument'), 'application/vnd.ms-works'],
    [
      '批复.ofd',
      zip([
        { name: 'OFD.xml', content: text('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>') },
        { name: 'Doc_0/Document.xml', content: text('<ofd:Document/>') },
      ]),
      'application/ofd',
    ],
    ['材料.zip', zip([{ name: '照片/现场.txt', content: Buffer.from('现场') }]), 'application/zip'],
  ])('accepts %s by its content, archives through the zip limits', async (name, content, type) => {
    expect(await checkEvidenceFile(name, content, {})).toEqual({ contentType: type });
  });

  it('refuses an .ofd whose OFD.xml is not at the root, and a zip bomb named .zip', async () => {
    const nested = zip([{ name: 'a/OFD.xml', content: text('<ofd:OFD/>') }]);
    await expect(checkEvidenceFile('批复.ofd', nested, {})).rejects.toThrow(/缺少 OFD\.xml/);
    const bomb = zip([{ name: 'big.txt', content: Buffer.alloc(3_000_000) }]);
    await expect(
      checkEvidenceFile('材料.zip', bomb, { maxRatio: 10, ratioFloorBytes: 1024 }),
    ).rejects.toThrow(/压缩比异常/);
  });

  it('refuses an empty file as the caller’s mistake (400)', () => {
    expect(() => checkEvidence('空.pdf', Buffer.alloc(0))).toThrow(BadRequestException);
  });

  it('reads the UTF-8 file name multer hands over as latin1', () => {
    expect(uploadedName(Buffer.from('整改台账.pdf', 'utf8').toString('latin1'))).toBe(
      '整改台账.pdf',
    );
  });
});
