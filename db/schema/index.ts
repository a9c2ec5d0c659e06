export * from './customers';
export * from './wallets';
export * from './auth';
export * from './api-keys';
export * from './audit';
export * from './idempotency';
export * from './deletion-requests';
