import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global_setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // One browser, tests in sequence: two cores, software WebGL.
          fileParallelism: false,
        },
      },
    ],
  },
});
