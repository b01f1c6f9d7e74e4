import { Config, readDurationFromConfig } from '@backstage/config';
import {
  ApprovalSettings,
  CHANGE_KINDS,
  ChangeKind,
  DEFAULT_APPROVAL_SETTINGS,
} from '@choreo-for-backstage/plugin-choreo-common';
import { durationToMilliseconds } from '@backstage/types';

/** `choreo.approvals` with its defaults, and how long a request stays open. */
export interface ApprovalConfig extends ApprovalSettings {
  expireAfterMs: number;
}

const DEFAULT_EXPIRY_MS = 3 * 24 * 60 * 60 * 1000;

const isChangeKind = (value: string): value is ChangeKind =>
  (CHANGE_KINDS as readonly string[]).includes(value);

/**
 * Reads `choreo.approvals`; a misspelled change kind or an empty list stops
 * the start-up with the key to fix, since either would quietly let changes
 * through.
 */
export function readApprovalConfig(config: Config): ApprovalConfig {
  const section = config.getOptionalConfig('choreo.approvals');
  const enabled = section?.getOptionalBoolean('enabled') ?? true;
  const environments = section?.getOptionalStringArray('environments') ?? [];
  const changes = section?.getOptionalStringArray('changes');
  if (changes) {
    const unknown = changes.filter(c => !isChangeKind(c));
    if (unknown.length > 0) {
      throw new Error(
        `choreo.approvals.changes names ${unknown
          .map(c => `'${c}'`)
          .join(
            ', ',
          )}, which is no change the gate knows; use some of ${CHANGE_KINDS.join(
          ', ',
        )}`,
      );
    }
    if (changes.length === 0) {
      throw new Error(
        'choreo.approvals.changes is empty, which would let every change through without approval; list the changes that need approval, or set choreo.approvals.enabled: false to turn four-eyes off',
      );
    }
  }
  const expireAfterMs = section?.has('expireAfter')
    ? durationToMilliseconds(
        readDurationFromConfig(section.getConfig('expireAfter')),
      )
    : DEFAULT_EXPIRY_MS;
  if (!(expireAfterMs > 0)) {
    throw new Error('choreo.approvals.expireAfter must be longer than zero');
  }
  return {
    enabled,
    environments: [...new Set(environments)],
    changes: changes
      ? (changes.filter(isChangeKind) as ChangeKind[])
      : DEFAULT_APPROVAL_SETTINGS.changes,
    expireAfterMs,
  };
}

/**
 * The configured environment names no source has: a typo there would leave
 * the environment it meant unguarded. Empty when all are known.
 */
export function unknownApprovalEnvironments(
  settings: ApprovalSettings,
  knownEnvironments: Iterable<string>,
): string[] {
  const known = new Set(knownEnvironments);
  return settings.environments.filter(name => !known.has(name));
}
