/**
 * JSON logs (pino), one line per event. On an interactive terminal (or LOG_FORMAT=pretty) lines
 * are printed as readable text instead. Never log secrets or account content: log ids and counts.
 */
import pino from "pino";

const pretty = process.env.LOG_FORMAT ? process.env.LOG_FORMAT === "pretty" : Boolean(process.stdout.isTTY);

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** Formats a pino JSON line as `12:00:01 info  message key=value`. */
export function formatPretty(line: string): string {
  try {
    const { level, time, msg, service: _service, ...rest } = JSON.parse(line);
    const extras = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    const clock = typeof time === "string" ? time.slice(11, 19) : "";
    return `${clock} ${(LEVELS[level] ?? level).padEnd(5)} ${msg ?? ""}${extras ? `  ${extras}` : ""}\n`;
  } catch {
    return line;
  }
}

const destination = pretty
  ? { write: (line: string) => void process.stdout.write(formatPretty(line)) }
  : pino.destination({ dest: 1, sync: true });

export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "debrief", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["password", "token", "*.password", "*.token", "authorization", "cookie"], censor: "[redacted]" },
  },
  destination,
);
