import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Tx, Unit, UnitOfWork } from '@app/database';
import { Actor } from '../auth/actor';
import { page, Page } from '../common/pagination';
import { CreateUnitDto, UnitListQuery, UnitView, UpdateUnitDto } from './unit.dto';
import { UnitQueries } from './unit.queries';

@Injectable()
export class UnitsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: UnitQueries,
  ) {}

  async list(query: UnitListQuery): Promise<Page<UnitView>> {
    const [units, total] = await this.queries.list(query);
    return page(units.map(UnitView.from), total, query);
  }

  async get(id: string): Promise<UnitView> {
    const unit = await this.queries.findById(id);
    if (!unit) throw new NotFoundException('未找到该单位');
    return UnitView.from(unit);
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitView> {
    const unit = await this.uow.run(actor, async (tx) => {
      if (dto.parentId) await this.requireParent(tx, dto.parentId);
      return tx.create(Unit, { ...dto, name: dto.name.trim() });
    });
    return UnitView.from(unit);
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    const unit = await this.uow.run(actor, async (tx) => {
      const current = await tx.lock(Unit, id, { missing: '未找到该单位' });
      if (dto.parentId) {
        if (dto.parentId === id) throw new BadRequestException('parentId：单位不能是自己的上级');
        await this.requireParent(tx, dto.parentId);
      }
      return tx.update(Unit, current, dto);
    });
    return UnitView.from(unit);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(actor, async (tx) => {
      const unit = await tx.lock(Unit, id, { missing: '未找到该单位' });
      await tx.remove(Unit, unit);
    });
  }

  private async requireParent(tx: Tx, parentId: string): Promise<void> {
    if (!(await tx.read.exists(Unit, { where: { id: parentId } }))) {
      throw new NotFoundException('上级单位不存在');
    }
  }
}
