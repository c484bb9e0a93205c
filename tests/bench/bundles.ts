/**
 * First-load JavaScript of a page, two ways:
 * - served: fetch the page's HTML with a session cookie, collect every script it loads (`<script
 *   src>`, and any `/_next/static/….js` the HTML or its RSC payload names; not the `noModule`
 *   polyfills, which browsers with ES modules skip), fetch each and add up their sizes raw and
 *   gzip-compressed (zlib's default level, as HTTP compression uses);
 * - built: the route's `firstLoadChunkPaths` in Turbopack's `<distDir>/diagnostics/route-bundle-stats.json`
 *   (when the build wrote it), read from disk and compressed the same way.
 * Scripts containing the editor's code (they name ProseMirror or Tiptap) are counted apart.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expectPage } from "./session";
import type { BundleResult } from "./types";

export type BundlePage = { name: string; path: string; route: string; marker: string };

/** Code of the editor (Tiptap on ProseMirror) names ProseMirror's classes and Tiptap's extensions. */
const EDITOR = /ProseMirror|@tiptap|tiptap/;

const KB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The script URLs (same-origin paths) a page's HTML loads or names, but for `noModule` polyfills, which current browsers skip. */
export function scriptUrls(html: string): string[] {
  const found = new Set<string>();
  const skipped = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)) {
    const url = m[2]!.replace(/&amp;/g, "&");
    (/\bnomodule\b/i.test(m[1]! + m[3]!) ? skipped : found).add(url);
  }
  for (const m of html.matchAll(/\/_next\/static\/[\w\-./~]+?\.js/g)) if (!skipped.has(m[0])) found.add(m[0]);
  return [...found].filter((u) => u.startsWith("/"));
}

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

async function builtStats(distDir: string, route: string): Promise<{ files: number; rawKB: number; gzipKB: number } | null> {
  const file = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) return null;
  const stats = JSON.parse(await readFile(file, "utf8")) as RouteStats[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) return null;
  let raw = 0;
  let gzip = 0;
  for (const chunk of entry.firstLoadChunkPaths) {
    const body = await readFile(chunk);
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: entry.firstLoadChunkPaths.length, rawKB: KB(raw), gzipKB: KB(gzip) };
}

/** Measures each page's first-load JS as served to `cookie`'s user, and as the build recorded it. */
export async function measureBundles(base: string, cookie: string, pages: BundlePage[], distDir: string): Promise<BundleResult[]> {
  const sizes = new Map<string, { raw: number; gzip: number; editor: boolean }>();
  const out: BundleResult[] = [];
  for (const page of pages) {
    const { html } = await expectPage(base, page.path, cookie, page.marker);
    const urls = scriptUrls(html);
    let raw = 0;
    let gzip = 0;
    let editor = 0;
    let editorScripts = 0;
    for (const url of urls) {
      let size = sizes.get(url);
      if (!size) {
        const res = await fetch(`${base}${url}`);
        if (res.status !== 200) throw new Error(`GET ${url} (a script of ${page.path}) answered ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        size = { raw: body.length, gzip: gzipSync(body).length, editor: EDITOR.test(body.toString("utf8")) };
        sizes.set(url, size);
      }
      raw += size.raw;
      gzip += size.gzip;
      if (size.editor) {
        editor += size.gzip;
        editorScripts++;
      }
    }
    out.push({
      name: page.name,
      path: page.path,
      route: page.route,
      scripts: urls.length,
      rawKB: KB(raw),
      gzipKB: KB(gzip),
      editorScripts,
      editorGzipKB: KB(editor),
      htmlGzipKB: KB(gzipSync(Buffer.from(html)).length),
      built: await builtStats(distDir, page.route),
    });
  }
  return out;
}
