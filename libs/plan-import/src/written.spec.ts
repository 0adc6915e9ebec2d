import { mergeField } from './written';

describe('mergeField: the text never overwrites what the office set by hand', () => {
  it('writes the text when the value is what the last import wrote', () => {
    expect(mergeField('2025-06-30', { known: true, value: '2025-06-30' }, '2025-09-30')).toEqual({
      write: true,
      value: '2025-09-30',
      base: '2025-09-30',
    });
  });
  it('keeps a hand edit and carries the old base forward', () => {
    expect(mergeField('2025-08-31', { known: true, value: '2025-06-30' }, '2025-09-30')).toEqual({
      write: false,
      value: '2025-08-31',
      base: '2025-06-30',
      handEdited: true,
    });
  });
  it('keeps the value when the text is silent', () => {
    expect(mergeField('2025-08-31', { known: true, value: '2025-06-30' }, undefined)).toMatchObject(
      {
        write: false,
        value: '2025-08-31',
        handEdited: false,
      },
    );
  });
  it("writes the office's decision over everything", () => {
    expect(
      mergeField('2025-08-31', { known: true, value: '2025-06-30' }, '2025-09-30', '2025-12-31'),
    ).toEqual({
      write: true,
      value: '2025-12-31',
      base: '2025-12-31',
    });
  });
  it('without a record of the last import, follows the text', () => {
    expect(mergeField('2025-08-31', { known: false }, '2025-09-30')).toMatchObject({
      write: true,
      value: '2025-09-30',
    });
  });
});
