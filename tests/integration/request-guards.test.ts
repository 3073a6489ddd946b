import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_UPLOAD_BYTES, requestGuards } from '../../server/request-guards';

// The guards in front of an echo handler: what reaches the app, and what is refused before it.
const app = express();
app.use(requestGuards({ publicOrigin: 'https://fv.example.gov.uk' }));
app.all('*', (req, res) => {
  res.json({ method: req.method, url: req.originalUrl, bytes: Buffer.isBuffer(req.body) ? req.body.length : 0, status: res.locals.problemStatus ?? null });
});
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: { method: string; url: string; bytes: number; status: number | null } };

function send({ path = '/panels/x/join', method = 'POST', headers = {}, chunks = [] as Buffer[], agent }: { path?: string; method?: string; headers?: Record<string, string>; chunks?: Buffer[]; agent?: http.Agent }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method, headers, agent }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) as Reply['body'] }));
    });
    request.on('error', reject);
    // Written piece by piece with no Content-Length: Node sends it chunked.
    const write = (index: number) => {
      if (index >= chunks.length) return request.end();
      if (!request.write(chunks[index])) request.once('drain', () => write(index + 1));
      else write(index + 1);
    };
    write(0);
  });
}

const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());
const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('request guards', () => {
  it('passes an ordinary same-site form through with its body', async () => {
    const reply = await send({ headers: { ...formHeaders, Origin: 'https://fv.example.gov.uk', 'Sec-Fetch-Site': 'same-origin' }, chunks: [form({ fullName: 'Jo' })] });
    expect(reply.body).toEqual({ method: 'POST', url: '/panels/x/join', bytes: 11, status: null });
  });

  it('refuses a chunked body over 1 MB, closing the connection, and the next request still works', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const piece = Buffer.alloc(256 * 1024, 'a');
    const big = await send({ headers: formHeaders, chunks: Array.from({ length: 8 }, () => piece), agent });
    expect(big.body).toMatchObject({ method: 'GET', url: '/problem/too-large', status: 413, bytes: 0 });
    expect(big.headers.connection).toBe('close');
    const next = await send({ headers: formHeaders, chunks: [form({ a: 'b' })], agent });
    expect(next.body).toMatchObject({ method: 'POST', url: '/panels/x/join', bytes: 3 });
    agent.destroy();
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('lets a file upload (multipart) reach 11 MB (a 10 MB guide), and refuses one past it', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { 'Content-Type': 'multipart/form-data; boundary=x' };
    const piece = Buffer.alloc(512 * 1024, 'a');
    const upload = await send({ headers, chunks: Array.from({ length: 20 }, () => piece), agent });
    expect(upload.body).toMatchObject({ method: 'POST', bytes: 10 * 1024 * 1024 });
    const huge = await send({ headers, chunks: Array.from({ length: 24 }, () => piece), agent });
    expect(huge.body).toMatchObject({ url: '/problem/too-large', status: 413, bytes: 0 });
    agent.destroy();
    expect(MAX_UPLOAD_BYTES).toBe(11 * 1024 * 1024);
  });

  it('refuses a declared length over 1 MB without reading it', async () => {
    const reply = await new Promise<{ connection?: string; body: string }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path: '/x', method: 'POST', headers: { ...formHeaders, 'Content-Length': String(150 * 1024 * 1024) } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ connection: response.headers.connection, body }));
      });
      request.on('error', reject);
      request.write(Buffer.alloc(1024));
    });
    expect(JSON.parse(reply.body)).toMatchObject({ url: '/problem/too-large', status: 413, bytes: 0 });
    expect(reply.connection).toBe('close');
  });

  it.each([
    ['a NUL byte in a form field', form({ fullName: 'Jo\u0000Bloggs' }), formHeaders],
    ['an escape character in a form field', form({ venue: 'Hub\u001b[2J' }), formHeaders],
    ['a NUL in JSON', Buffer.from(JSON.stringify({ answers: { note: 'a\u0000b' } })), { 'Content-Type': 'application/json' }],
  ])('refuses %s with the invalid-characters page', async (_name, body, headers) => {
    const reply = await send({ headers, chunks: [body] });
    expect(reply.body).toMatchObject({ method: 'GET', url: '/problem/invalid-characters', status: 400 });
  });

  it('keeps tabs and new lines, which text areas send', async () => {
    const reply = await send({ headers: formHeaders, chunks: [form({ accessNeeds: 'Line one\r\nLine two\tindented' })] });
    expect(reply.body).toMatchObject({ method: 'POST', status: null });
  });

  it('refuses control characters in the query string', async () => {
    const reply = await send({ method: 'GET', path: '/surveys/common-question-set?channel=a%00b' });
    expect(reply.body).toMatchObject({ url: '/problem/invalid-characters', status: 400 });
  });

  it.each([
    ['another Origin', { Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['the null Origin of a sandboxed frame', { Origin: 'null' }],
  ])('refuses a state-changing request from %s with 403', async (_name, headers) => {
    const reply = await send({ headers: { ...formHeaders, ...headers }, chunks: [form({ a: 'b' })] });
    expect(reply.body).toMatchObject({ method: 'GET', url: '/problem/not-allowed', status: 403 });
  });
});
