import { plainToInstance } from 'class-transformer';
import { IsOptional, IsUUID, validateSync } from 'class-validator';
import { Paged, totalOfLastPage } from './pagination';

class Filters {
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

class Listing extends Paged(Filters) {}

const rules = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

describe('Paged: a list query made of its filters and paging', () => {
  it('keeps paging’s defaults, conversion and offset, which IntersectionType alone drops', () => {
    expect(new Listing()).toMatchObject({ page: 1, pageSize: 50, offset: 0 });
    const q = plainToInstance(Listing, { page: '3', pageSize: '20' });
    expect(q).toMatchObject({ page: 3, pageSize: 20, offset: 40 });
    expect(validateSync(q, rules)).toEqual([]);
  });

  it('checks the filters and the paging both', () => {
    const q = plainToInstance(Listing, { unitId: 'x', page: '0' });
    expect(validateSync(q, rules).map((e) => e.property)).toEqual(['unitId', 'page']);
  });

  it('leaves the filters without paging, so an export refuses a page', () => {
    const q = plainToInstance(Filters, { page: '2' });
    expect(validateSync(q, rules).map((e) => e.property)).toEqual(['page']);
  });
});

describe('totalOfLastPage', () => {
  it('counts a page that is not full as the last one', () => {
    expect(totalOfLastPage({ offset: 0, pageSize: 50 }, 33)).toBe(33);
    expect(totalOfLastPage({ offset: 100, pageSize: 50 }, 7)).toBe(107);
    expect(totalOfLastPage({ offset: 0, pageSize: 50 }, 0)).toBe(0);
  });

  it('leaves a full page, or an empty one past the first, to the count', () => {
    expect(totalOfLastPage({ offset: 0, pageSize: 50 }, 50)).toBeUndefined();
    expect(totalOfLastPage({ offset: 50, pageSize: 50 }, 50)).toBeUndefined();
    expect(totalOfLastPage({ offset: 150, pageSize: 50 }, 0)).toBeUndefined();
  });
});
