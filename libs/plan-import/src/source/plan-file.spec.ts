import { readPlanFile } from './plan-file';
import { PlanFileError } from './plan-file-error';

describe('files the import cannot read', () => {
  it.each([
    ['方案.doc', '在 Word 中另存为 .docx'],
    ['分解表.xls', '在 Excel 中另存为 .xlsx'],
    ['方案.wps', '在 WPS 文字中另存为 .docx'],
    ['分解表.et', '在 WPS 表格中另存为 .xlsx'],
    ['正式文件.ofd', '复制后粘贴导入'],
    ['扫描件.PDF', '复制后粘贴导入'],
    ['图片.png', '请上传 .txt、.docx 或 .xlsx 文件'],
  ])('refuses %s and says what to do: %s', async (name, hint) => {
    const refused = readPlanFile(Buffer.from('x'), name);
    await expect(refused).rejects.toBeInstanceOf(PlanFileError);
    await expect(refused).rejects.toMatchObject({ reason: 'unsupported' });
    await expect(refused).rejects.toThrow(hint);
  });
});
