import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreEvent } from '@shared/contract';
import { AppError, type AppErrorShape, type ErrorCode, type Result } from '@shared/errors';
import { openOutboxFile, putInboxFile, type TransientFiles } from '../core/files';
import { decodeEscapes, jsonTooDeep, MAX_INPUT_BYTES, MAX_UPLOAD_BYTES, TOO_DEEP_ISSUE } from '../host/input-limits';
import { CONTENT_SECURITY_POLICY, readStatic, resolveStatic } from '../host/static-files';
import { guardRequest, type GuardConfig } from './guard';

/** What the web host needs of the core: the worker client in real use, an in-process core in tests. */
export interface CoreEndpoint {
  dispatch(clientId: string, channel: string, input: unknown): Promise<Result<unknown>>;
  advanceClock(ms: number): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export interface WebHostOptions {
  core: CoreEndpoint;
  rendererDir: string;
  /** The sealed inbox and outbox, with this run's key (shared with the core). */
  files: TransientFiles;
  port?: number;
  /** Exposes POST /__test/clock so end-to-end tests can move the core's clock. Never set outside tests. */
  testMode?: boolean;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const CLIENT_ID = 'web';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A host-level refusal (bad request, too large, no such file) gets a 4xx status as well as the Result body, which the
 * web bridge reads whatever the status. Answers from the core stay 200: their Result is the answer.
 */
const HOST_ERROR_STATUS: Partial<Record<ErrorCode, number>> = { INVALID_INPUT: 400, FILE_TOO_LARGE: 413, FILE_NOT_FOUND: 404 };

function sendHostError(res: ServerResponse, error: AppErrorShape): void {
  sendJson(res, HOST_ERROR_STATUS[error.code] ?? 400, { ok: false, error });
}

/**
 * The request body, or FILE_TOO_LARGE past the limit. The rest of an oversized body is read and dropped before the
 * answer goes out: closing the socket while the client is still sending makes it see a reset, not the answer.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > limit ? reject(new AppError('FILE_TOO_LARGE', { maxBytes: limit })) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** A JSON body as input: INVALID_INPUT when it is not JSON or nests deeper than any contract input. */
function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  const text = body.toString('utf8');
  if (jsonTooDeep(text)) throw new AppError('INVALID_INPUT', undefined, [TOO_DEEP_ISSUE]);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', undefined, [{ path: [], message: 'body is not JSON' }]);
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  const config: GuardConfig = { port: 0, token };
  const eventStreams = new Set<ServerResponse>();
  const unsubscribe = options.core.onEvent((event) => {
    for (const res of eventStreams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = { host: req.headers.host, origin: req.headers.origin };
      const headerToken = req.headers['x-bangfu-token'] as string | undefined;
      const refuse = (verdict: { status: number; reason: string }) =>
        sendJson(res, verdict.status, { ok: false, error: { code: 'FORBIDDEN', params: { reason: verdict.reason } } });

      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        const verdict = guardRequest(headers, headerToken, config);
        if (!verdict.ok) return refuse(verdict);
        if (!req.headers['content-type']?.startsWith('application/json')) return refuse({ status: 403, reason: 'content-type' });
        const body = await readBody(req, MAX_INPUT_BYTES); // read first: an answer before the body is read can reset
        const channel = decodeEscapes(url.pathname.slice(5), 'channel');
        const input = parseJsonBody(body);
        return sendJson(res, 200, await options.core.dispatch(CLIENT_ID, channel, input));
      }

      if (req.method === 'POST' && url.pathname === '/upload') {
        const verdict = guardRequest(headers, headerToken, config);
        if (!verdict.ok) return refuse(verdict);
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        const name = decodeEscapes(String(req.headers['x-file-name'] ?? 'upload'), 'fileName').replace(/[\\/]/g, '_');
        const upload = putInboxFile(options.files, name, bytes);
        return sendJson(res, 200, { ok: true, data: upload });
      }

      if (req.method === 'POST' && url.pathname === '/__test/clock' && options.testMode) {
        const verdict = guardRequest(headers, headerToken, config);
        if (!verdict.ok) return refuse(verdict);
        const { advanceMs } = parseJsonBody(await readBody(req, 1024)) as { advanceMs: number };
        return sendJson(res, 200, await options.core.advanceClock(Number(advanceMs)));
      }

      if (req.method === 'GET' && url.pathname === '/events') {
        const verdict = guardRequest(headers, url.searchParams.get('token'), config);
        if (!verdict.ok) return refuse(verdict);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        eventStreams.add(res);
        req.on('close', () => eventStreams.delete(res));
        return;
      }

      if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
        const verdict = guardRequest(headers, url.searchParams.get('token'), config);
        if (!verdict.ok) return refuse(verdict);
        const file = await openOutboxFile(options.files, url.pathname.slice(7));
        const disposition = url.searchParams.get('disposition') === 'inline' ? 'inline' : 'attachment';
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': file.mime,
          'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'Cache-Control': 'no-store',
          'Content-Length': String(file.file.size),
        });
        const body = file.file.stream();
        body.on('close', () => void file.file.close());
        body.on('error', () => res.destroy());
        res.on('close', () => body.destroy());
        body.pipe(res);
        return;
      }

      if (req.method === 'GET') {
        const hostVerdict = guardRequest(headers, token, config); // static files need no token, but the right Host
        if (!hostVerdict.ok) return refuse(hostVerdict);
        const file = resolveStatic(options.rendererDir, url.pathname);
        if (!file) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND' } });
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': file.type,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'Cache-Control': file.type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
        });
        return res.end(readStatic(file.path));
      }

      sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', params: { reason: 'method' } } });
    } catch (error) {
      if (res.headersSent) return res.end();
      if (error instanceof AppError) return sendHostError(res, error.toShape());
      sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', ref: 'web-host' } });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  config.port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${config.port}/#token=${token}`,
    token,
    port: config.port,
    async close() {
      unsubscribe();
      for (const res of eventStreams) res.end();
      // A browser tab keeps connections open (keep-alive, the event stream reconnecting): close them too, or
      // server.close() would wait for the tab.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
