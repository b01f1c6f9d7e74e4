import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readChoreoSourcesConfig } from './config';

const read = (sources: JsonValue) =>
  readChoreoSourcesConfig(new ConfigReader({ choreo: { sources } }), {
    workingDirectory: '/srv/backend',
  });

describe('readChoreoSourcesConfig', () => {
  it('reads directory and kubernetes sources in order, resolving paths from the working directory', () => {
    expect(
      read([
        {
          type: 'directory',
          name: 'acme',
          path: '../../examples/acme',
          git: { commit: true },
        },
        {
          type: 'directory',
          name: 'abs',
          path: '/data/gitops',
          namespaces: ['a'],
        },
        {
          type: 'kubernetes',
          name: 'prod',
          inCluster: true,
          namespaces: ['acme'],
        },
      ]),
    ).toEqual([
      {
        type: 'directory',
        name: 'acme',
        path: path.resolve('/srv/backend', '../../examples/acme'),
        git: { commit: true },
      },
      {
        type: 'directory',
        name: 'abs',
        path: '/data/gitops',
        git: { commit: false },
        namespaces: ['a'],
      },
      {
        type: 'kubernetes',
        name: 'prod',
        inCluster: true,
        namespaces: ['acme'],
      },
    ]);
  });

  it('has no sources when none are configured', () => {
    expect(readChoreoSourcesConfig(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      [
        { type: 'directory', name: 'a', path: 'x' },
        { type: 'directory', name: 'a', path: 'y' },
      ],
      "choreo.sources[1].name 'a' is already used by choreo.sources[0]; every source needs a unique name",
    ],
    [
      [{ type: 'svn', name: 'a' }],
      "choreo.sources[0].type 'svn' is not a known source type; use one of 'directory', 'kubernetes'",
    ],
    [
      [{ type: 'directory', name: 'a' }],
      /Missing required config value at 'choreo.sources\[0\].path'/,
    ],
    [[{ type: 'directory', path: 'x' }], /choreo.sources\[0\].name/],
  ])('names the bad key (%#)', (sources, message) => {
    expect(() => read(sources)).toThrow(message);
  });
});
