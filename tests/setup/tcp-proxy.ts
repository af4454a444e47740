import net from "node:net";

// A TCP proxy in front of the test PostgreSQL that a test can freeze (nothing is forwarded either way, new
// connections are accepted but not answered: what the app sees of a SIGSTOPped server) and cut (every connection
// reset: a restarted server). The portable stand-in for stopping the real server, which the other test files share.

export type TcpProxy = {
  /** A copy of `url` that connects through the proxy (TCP on the loopback). */
  url: (url: string) => string;
  freeze: () => void;
  thaw: () => void;
  /** Resets every open connection (new ones are served). */
  cut: () => void;
  close: () => Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let frozen = false;
  type Pair = { client: net.Socket; upstream: net.Socket | null; pending: Buffer[]; back: Buffer[] };
  const pairs = new Set<Pair>();
  const waiting: (() => void)[] = [];

  const server = net.createServer((client) => {
    const pair: Pair = { client, upstream: null, pending: [], back: [] };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      pair.upstream?.destroy();
    };
    client.on("error", drop);
    client.on("close", drop);
    // While frozen, bytes are held here, not forwarded.
    client.on("data", (chunk: Buffer) => {
      if (frozen || !pair.upstream) pair.pending.push(chunk);
      else pair.upstream.write(chunk);
    });
    const open = () => {
      const upstream = net.connect(target.port, target.host);
      pair.upstream = upstream;
      upstream.on("data", (chunk: Buffer) => {
        if (frozen) pair.back.push(chunk);
        else client.write(chunk);
      });
      upstream.on("error", drop);
      upstream.on("close", drop);
      upstream.on("connect", () => flush(pair));
    };
    if (frozen) waiting.push(open);
    else open();
  });

  function flush(pair: Pair) {
    if (frozen) return;
    for (const chunk of pair.back.splice(0)) pair.client.write(chunk);
    if (pair.upstream) for (const chunk of pair.pending.splice(0)) pair.upstream.write(chunk);
  }

  function cut() {
    for (const pair of [...pairs]) {
      pair.client.resetAndDestroy();
      pair.upstream?.destroy();
    }
    pairs.clear();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      parsed.searchParams.delete("host");
      return parsed.toString();
    },
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const open of waiting.splice(0)) open();
      for (const pair of pairs) flush(pair);
    },
    cut,
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
