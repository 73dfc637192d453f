import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The baseline for bench:chat's ratio: a bare socket.io server with the same namespace and event
 * shape as /widget (ack, then one `message` back), no validation, store or NLU.
 */
export async function startEchoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
  io.of('/widget').on('connection', (socket) => {
    socket.on('message', (payload: { clientMessageId: string; text: string }, ack: (r: object) => void) => {
      ack({ ok: true, messageId: payload.clientMessageId, conversationId: socket.id, duplicate: false });
      socket.emit('message', { id: payload.clientMessageId, conversationId: socket.id, author: 'bot', text: payload.text, createdAt: new Date().toISOString() });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
