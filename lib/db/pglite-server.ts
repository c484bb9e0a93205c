/**
 * Serves a PGlite database over the Postgres wire protocol on a TCP port, for any number of
 * connections.
 *
 * PGlite is one session. `@electric-sql/pglite-socket` queues each protocol *message*, so two
 * connections using the extended protocol interleave (Parse from A, Parse from B, Bind from A…)
 * and corrupt each other's unnamed statements ("bind message supplies 2 parameters, but prepared
 * statement requires 4"). This server queues whole *exchanges* instead — every message up to and
 * including Sync, or one simple Query — and while a connection holds an open transaction, only
 * that connection's exchanges run. A connection that drops mid-transaction is rolled back.
 */
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

type Exchange = { conn: Connection; messages: Uint8Array[]; startup: boolean; done: () => void; fail: (e: unknown) => void };

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Uint8Array[] = [];
  private started = false;
  closed = false;

  constructor(
    readonly id: number,
    readonly socket: net.Socket,
    private readonly server: PGliteServer,
  ) {}

  /** Splits incoming bytes into messages; hands complete exchanges to the server's queue. */
  receive(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const len = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (code === SSL_REQUEST) {
          this.buffer = this.buffer.subarray(8);
          this.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          this.buffer = this.buffer.subarray(len);
          this.socket.end();
          return;
        }
        if (this.buffer.length < len) return;
        const startup = new Uint8Array(this.buffer.subarray(0, len));
        this.buffer = this.buffer.subarray(len);
        this.started = code === PROTOCOL_3;
        this.server.enqueue(this, [startup], true);
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = String.fromCharCode(this.buffer[0]!);
      const len = this.buffer.readInt32BE(1) + 1;
      if (this.buffer.length < len) return;
      const message = new Uint8Array(this.buffer.subarray(0, len));
      this.buffer = this.buffer.subarray(len);
      if (type === "X") {
        this.socket.end();
        return;
      }
      this.pending.push(message);
      // Sync ends an extended-protocol exchange; Query is a whole exchange; Flush asks for output now.
      if (type === "S" || type === "Q" || type === "H") {
        const messages = this.pending;
        this.pending = [];
        this.server.enqueue(this, messages);
      }
    }
  }
}

export class PGliteServer {
  private readonly server: net.Server;
  private readonly queue: Exchange[] = [];
  private running = false;
  /** The connection whose transaction is open in the one PGlite session, if any. */
  private owner: Connection | null = null;
  private nextId = 1;
  private readonly connections = new Set<Connection>();

  constructor(private readonly db: PGlite) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<{ host: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as net.AddressInfo;
    return { host, port: address.port };
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket) {
    socket.setNoDelay(true);
    const conn = new Connection(this.nextId++, socket, this);
    this.connections.add(conn);
    socket.on("data", (chunk) => conn.receive(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      conn.closed = true;
      this.connections.delete(conn);
      for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.conn === conn) this.queue.splice(i, 1)[0]!.done();
      if (this.owner === conn) {
        // The client went away inside a transaction: roll it back so others can continue.
        void this.db
          .exec("ROLLBACK")
          .catch(() => {})
          .finally(() => {
            if (this.owner === conn) this.owner = null;
            this.pump();
          });
      }
    });
  }

  enqueue(conn: Connection, messages: Uint8Array[], startup = false) {
    this.queue.push({
      conn,
      messages,
      startup,
      done: () => {},
      fail: () => conn.socket.destroy(),
    });
    this.pump();
  }

  private pump() {
    if (this.running) return;
    // During another connection's transaction only its exchanges run — and new connections'
    // start-up, which does not touch the session's transaction.
    const index = this.owner ? this.queue.findIndex((e) => e.conn === this.owner || e.startup) : 0;
    if (index < 0 || !this.queue.length) return;
    const exchange = this.queue.splice(index, 1)[0]!;
    this.running = true;
    void this.run(exchange).finally(() => {
      this.running = false;
      this.pump();
    });
  }

  private async run({ conn, messages, startup, done, fail }: Exchange) {
    if (conn.closed) return done();
    try {
      await this.db.runExclusive(async () => {
        for (const message of messages) {
          await this.db.execProtocolRawStream(message, {
            onRawData: (data) => {
              if (!conn.closed && data.length) conn.socket.write(data);
            },
          });
        }
      });
      if (!startup) this.owner = this.db.isInTransaction() ? conn : null;
      done();
    } catch (e) {
      if (this.owner === conn) this.owner = null;
      fail(e);
    }
  }
}
