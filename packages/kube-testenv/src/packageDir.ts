import path from 'node:path';

/**
 * The directory of this package (scripts/, crds/). The package is only ever run from source by
 * tests and is never bundled, so `__dirname` is reliable here; resolvePackagePath() would pull in
 * the backend plugin API for nothing.
 */
// eslint-disable-next-line no-restricted-syntax
export const PACKAGE_DIR = path.resolve(__dirname, '..');
