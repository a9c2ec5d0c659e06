// Stands in for `server-only` under vitest, which runs server modules outside React's server build.
export {};
