import { createServer as createNetServer, type Server } from 'node:net';

/**
 * A local port that drops every connection: each bench page's proxy, so any request that leaves
 * the bench server fails at once (`bypass` lets 127.0.0.1 through). The pages used to block such
 * requests with playwright's `context.route`, which pauses every request, the local ones too,
 * for a round trip through this Node process: 14 interleaved loads at 115 clusters took the
 * app's first frame from 598 to 718 ms (its page makes about 25 requests at start) and the
 * bare page's (4 requests) from 577 to 579 ms.
 */
let address = '';
export function startRefuser(): Promise<Server> {
  const refuser = createNetServer((socket) => socket.destroy());
  return new Promise((res) => refuser.listen(0, '127.0.0.1', () => {
    address = `http://127.0.0.1:${(refuser.address() as { port: number }).port}`;
    res(refuser);
  }));
}

/** A browser context's proxy setting once {@link startRefuser} runs: only 127.0.0.1 gets through. */
export function offlineProxy(): { server: string; bypass: string } {
  return { server: address, bypass: '127.0.0.1' };
}
