import { createTestApp, TestApp } from '../support/test-app';

/** Security headers, and the API description only where it is meant to be public. */
describe('hardening', () => {
  describe('in development and test', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp()));
    afterAll(() => t.close());

    it('sends security headers and no X-Powered-By', async () => {
      const res = await t.http().get('/health');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      const csp = res.headers['content-security-policy'];
      // A same-origin single-page console: its scripts and styles from 'self', antd's inline styles.
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
    });

    it('sends them on errors too', async () => {
      const res = await t.http().get('/units');
      expect(res.status).toBe(401);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('serves the API description', async () => {
      expect((await t.http().get('/docs/json')).status).toBe(200);
    });
  });

  describe.each([
    ['production', undefined, 404],
    ['production', 'true', 200],
  ])('with NODE_ENV=%s and DOCS_ENABLED=%s', (nodeEnv, docsEnabled, status) => {
    let t: TestApp;
    const saved = { NODE_ENV: process.env.NODE_ENV, DOCS_ENABLED: process.env.DOCS_ENABLED };
    beforeAll(async () => {
      process.env.NODE_ENV = nodeEnv;
      if (docsEnabled === undefined) delete process.env.DOCS_ENABLED;
      else process.env.DOCS_ENABLED = docsEnabled;
      t = await createTestApp();
    });
    afterAll(async () => {
      await t.close();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it(`answers /api/docs with ${status}`, async () => {
      expect((await t.http().get('/docs/json')).status).toBe(status);
      expect((await t.http().get('/docs')).status).toBe(status);
      expect((await t.http().get('/health')).status).toBe(200);
    });
  });
});
