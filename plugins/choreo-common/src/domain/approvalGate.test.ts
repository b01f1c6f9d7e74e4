import {
  DEFAULT_APPROVAL_SETTINGS,
  changeNeedsApproval,
  environmentNeedsApproval,
  gatedFirstEnvironmentProblem,
} from './approvalGate';

const env = (isProduction?: boolean) => ({ spec: { isProduction } });

describe('the four-eyes gate', () => {
  const settings = DEFAULT_APPROVAL_SETTINGS;

  it('holds production environments and those named in the settings', () => {
    expect(environmentNeedsApproval(settings, 'production', env(true))).toBe(
      true,
    );
    expect(environmentNeedsApproval(settings, 'staging', env(false))).toBe(
      false,
    );
    const named = { ...settings, environments: ['staging'] };
    expect(environmentNeedsApproval(named, 'staging', env(false))).toBe(true);
    // naming other environments never opens production up
    expect(environmentNeedsApproval(named, 'production', env(true))).toBe(true);
  });

  it('fails closed: an environment no source knows needs approval', () => {
    expect(environmentNeedsApproval(settings, 'production', undefined)).toBe(
      true,
    );
  });

  it('is off only when turned off', () => {
    const off = { ...settings, enabled: false };
    expect(environmentNeedsApproval(off, 'production', env(true))).toBe(false);
    expect(environmentNeedsApproval(off, 'production', undefined)).toBe(false);
  });

  it('holds every kind of change by default; a platform team may let restarts through', () => {
    for (const change of settings.changes) {
      expect(
        changeNeedsApproval(settings, change, 'production', env(true)),
      ).toBe(true);
    }
    const restartsFree = {
      ...settings,
      changes: settings.changes.filter(c => c !== 'restart'),
    };
    expect(
      changeNeedsApproval(restartsFree, 'restart', 'production', env(true)),
    ).toBe(false);
    expect(
      changeNeedsApproval(restartsFree, 'rollback', 'production', env(true)),
    ).toBe(true);
  });

  it('refuses a pipeline whose first environment needs approval, and says why', () => {
    const gated = (e: string) => e === 'production';
    expect(
      gatedFirstEnvironmentProblem(
        { root: 'production', pipelineName: 'fast' },
        gated,
      ),
    ).toMatch(
      /first environment of pipeline 'fast', 'production', needs approval, but OpenChoreo deploys every build/,
    );
    expect(
      gatedFirstEnvironmentProblem(
        { root: 'development', pipelineName: 'default' },
        gated,
      ),
    ).toBeUndefined();
  });
});
