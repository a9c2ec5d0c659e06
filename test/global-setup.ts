import type { TestProject } from 'vitest/node';
import { createMigratedDatabase, dropDatabase, randomSuffix } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

/**
 * With DATABASE_URL, the run gets its own migrated template database; each test file then
 * works in its own copy (test/setup.ts). Without it, each file gets an in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('templateDatabase', null);
    return;
  }
  const template = `cc_test_tpl_${randomSuffix()}`;
  await createMigratedDatabase(url, template);
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(url, template);
  };
}
