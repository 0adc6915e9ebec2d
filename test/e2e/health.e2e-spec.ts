import { createTestApp, TestApp } from '../support/test-app';

describe('health and docs', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()), 60_000);
  afterAll(() => t.close());

  it('reports PostgreSQL and Redis up without a token, even to a burst of first checks', async () => {
    // The first checks of a fresh process arrive together (a load balancer, a monitor and a
    // deploy script at once): the ones that came while Redis was still connecting said "down".
    const burst = await Promise.all(Array.from({ length: 20 }, () => t.http().get('/health')));
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(200));
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.postgres.status).toBe('up');
    expect(res.body.details.redis.status).toBe('up');
  });

  it('serves the OpenAPI document with described DTOs', async () => {
    const res = await t.http().get('/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/assignments/{id}'].patch).toBeDefined();
    const dto = res.body.components.schemas.UpdateAssignmentDto;
    expect(dto.required).toContain('version');
    expect(JSON.stringify(dto.properties.status)).toContain(
      '#/components/schemas/AssignmentStatus',
    );
    expect(res.body.components.schemas.AssignmentStatus.enum).toContain('submitted');
    expect(res.body.components.schemas.CreateUnitDto.properties.name.description).toBe('单位全称');
  });
});
