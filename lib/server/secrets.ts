import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A secret kept in the data folder: read when present, otherwise generated once and written
 * with owner-only permissions. Lets a newcomer start without configuring secrets, while a real
 * install sets them in the environment.
 */
export async function persistentSecret(dataDir: string, name: string, bytes = 32): Promise<string> {
  const file = path.resolve(dataDir, name);
  try {
    const value = (await readFile(file, "utf8")).trim();
    if (value) return value;
  } catch {
    // not there yet
  }
  await mkdir(path.dirname(file), { recursive: true });
  const value = randomBytes(bytes).toString("base64url");
  await writeFile(file, value + "\n", { mode: 0o600 });
  return value;
}
