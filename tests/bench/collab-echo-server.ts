/**
 * The benchmark's baseline: bare Yjs over WebSockets — one Y.Doc per room (the URL path), every
 * update applied and relayed as is to the room's other sockets, the room's state sent on connect.
 * No authentication, no persistence, no protocol beyond that. Run as its own process:
 *   PORT=4567 node --import tsx tests/bench/collab-echo-server.ts
 */
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";

const rooms = new Map<string, { doc: Y.Doc; sockets: Set<WebSocket> }>();
const server = http.createServer((_req, res) => res.writeHead(200).end("ok"));
const wss = new WebSocketServer({ server });

wss.on("connection", (ws, req) => {
  const name = req.url ?? "/";
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { doc: new Y.Doc(), sockets: new Set() }));
  const { doc, sockets } = room;
  sockets.add(ws);
  ws.send(Y.encodeStateAsUpdate(doc));
  ws.on("message", (data: Buffer) => {
    Y.applyUpdate(doc, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    for (const other of sockets) if (other !== ws && other.readyState === other.OPEN) other.send(data);
  });
  ws.on("close", () => {
    sockets.delete(ws);
    if (sockets.size === 0) {
      doc.destroy();
      rooms.delete(name);
    }
  });
});

server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => process.exit(0));
