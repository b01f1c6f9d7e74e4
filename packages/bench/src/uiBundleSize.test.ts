import { pluginBundleBytes } from './uiBundleSize';

describe('pluginBundleBytes', () => {
  it('counts chunks only the plugin uses in full and shared chunks by its share', () => {
    const bytes = pluginBundleBytes({
      assets: [
        { name: 'static/main.js', size: 1000 },
        { name: 'static/cell.js', size: 300 },
        { name: 'static/catalog.js', size: 500 },
      ],
      chunks: [
        { id: 'main', files: ['static/main.js'] },
        { id: 'cell', files: ['static/cell.js'] },
        { id: 'catalog', files: ['static/catalog.js'] },
      ],
      modules: [
        {
          name: '../../node_modules/react-dom/index.js',
          size: 900,
          chunks: ['main'],
        },
        {
          name: '../../plugins/choreo/src/plugin.tsx',
          size: 100,
          chunks: ['main'],
        },
        {
          name: '../../plugins/choreo/src/components/cell/CellContent.tsx + 2 modules',
          size: 2000,
          chunks: ['cell'],
          modules: [
            {
              name: '../../plugins/choreo/src/components/cell/CellContent.tsx',
              size: 500,
            },
            {
              name: '../../node_modules/@xyflow/react/dist/esm/index.mjs',
              size: 1500,
            },
          ],
        },
        {
          name: '../../node_modules/@backstage/plugin-catalog/index.js',
          size: 800,
          chunks: ['catalog'],
        },
      ],
    });
    // a tenth of main, all of the cell chunk, none of the catalog's
    expect(bytes).toBe(100 + 300);
  });
});
