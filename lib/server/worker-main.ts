/** `npm run worker`: the background worker alone (for installs that scale it separately). */
import { disconnectDb } from "../db/client";
import { EnvError } from "../env";
import { startWorker } from "../jobs/worker";
import { log } from "../log";
import { prepare } from "./prepare";

async function main() {
  if (!process.env.DATABASE_URL) throw new EnvError(["DATABASE_URL: the worker needs the same PostgreSQL as the web app"]);
  const { embedded } = await prepare();
  const worker = startWorker();
  const stop = async () => {
    await worker.stop();
    await disconnectDb();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((err) => {
  if (err instanceof EnvError) console.error(err.message);
  else log.fatal({ err }, "The worker could not start");
  process.exit(1);
});
