/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel builds (e.g. two test runs) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Packages with native or WebAssembly parts stay plain Node requires on the server (pdfkit reads
  // its font metrics from files beside its code).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pino", "pg", "pdfkit"],
  // `npm test` runs the type check (tsc) and lint itself; skipping them here keeps the build a newcomer's
  // first `npm start` waits for short.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
