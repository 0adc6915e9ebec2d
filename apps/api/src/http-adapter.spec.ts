import { get, IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { ApiHttpAdapter, withPrototype } from './http-adapter';

describe('withPrototype', () => {
  it('builds what the class builds, starting from the prototype given', () => {
    const proto = Object.create(IncomingMessage.prototype, {
      app: { value: 'luoshi' },
    }) as IncomingMessage;
    const Built = withPrototype<typeof IncomingMessage>(IncomingMessage, proto);
    const message = new Built(null as never);
    expect(Object.getPrototypeOf(message)).toBe(proto);
    expect(message).toBeInstanceOf(IncomingMessage);
    expect((message as IncomingMessage & { app: string }).app).toBe('luoshi');
    // The constructor ran: a message's own state is there.
    expect(message.headers).toEqual({});
  });
});

describe('ApiHttpAdapter', () => {
  let adapter: ApiHttpAdapter;
  let server: Server;
  /** Each request's and response's prototype as the server made them, before Express ran. */
  const made: Array<[object, object]> = [];

  beforeAll(async () => {
    adapter = new ApiHttpAdapter();
    adapter.initHttpServer({});
    adapter.get('/answer', (_req: Request, res: Response) => {
      res.status(201).json({ answer: '落实' });
    });
    server = adapter.getHttpServer() as Server;
    server.prependListener('request', (req, res) =>
      made.push([Object.getPrototypeOf(req), Object.getPrototypeOf(res)]),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      get({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });

  it("makes each request and response with the Express app's own prototypes", async () => {
    const app = adapter.getInstance<{ request: object; response: object }>();
    await ask('/answer');
    expect(made).toHaveLength(1);
    expect(made[0][0]).toBe(app.request);
    expect(made[0][1]).toBe(app.response);
    expect(app.request).toBeInstanceOf(IncomingMessage);
    expect(app.response).toBeInstanceOf(ServerResponse);
  });

  it('leaves Express working as before (status, JSON, UTF-8)', async () => {
    expect(await ask('/answer')).toEqual({ status: 201, body: '{"answer":"落实"}' });
  });
});
