import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE = 1_000_000;

/** A page's size when the caller names none. */
export const PAGE_SIZE = 50;

export class PageQuery {
  // Bounded so the offset stays a number PostgreSQL takes (page=99999999999999999999 is a 400).
  @ApiPropertyOptional({
    description: '页码，从 1 开始',
    default: 1,
    minimum: 1,
    maximum: MAX_PAGE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ description: '每页条数', default: PAGE_SIZE, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = PAGE_SIZE;

  get offset(): number {
    return offsetOf(this);
  }
}

const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

/**
 * A list's query: `filters` and paging. The filters stay a class of their own so the list's
 * export takes them without paging, and a `page` sent to the export is refused, not ignored.
 */
export function Paged<T>(filters: ClassType<T>): ClassType<T & PageQuery> {
  // IntersectionType copies fields (with their defaults and rules) but not accessors.
  class PagedFilters extends (IntersectionType(filters, PageQuery) as ClassType<PageQuery>) {
    override get offset(): number {
      return offsetOf(this);
    }
  }
  return PagedFilters as ClassType<T & PageQuery>;
}

/**
 * The total a page already tells: a page that is not full is the last one, so the total is what
 * comes before it and on it (unless it is empty past the first page: then the count must say).
 * A unit's whole list usually fits on one page, and its count is then not asked for.
 */
export function totalOfLastPage(
  q: { offset: number; pageSize: number },
  rows: number,
): number | undefined {
  if (rows >= q.pageSize || (rows === 0 && q.offset > 0)) return undefined;
  return q.offset + rows;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The OpenAPI description of a page of `item`: `class UnitPage extends PageOf(UnitView) {}`. */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: '符合条件的总条数' }) total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
  }
  return PageOfItems;
}

export function page<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
