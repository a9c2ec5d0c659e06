/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite ships WebAssembly and argon2 a native addon: load both from node_modules as they are.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  // Lets several dev servers (one per engineer) share a checkout without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
