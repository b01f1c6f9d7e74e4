import {
  ChoreoResource,
  ResourceKey,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoSourceSink,
  SourceProblem,
  SourceState,
} from '../../store/types';

/**
 * The sink of a directory source that follows a Git remote: passes the
 * directory's reports on, but while the remote cannot be fetched a healthy
 * directory shows as stale (it serves the last fetched state), and before
 * the first clone the source fails with the remote's reason.
 */
export class RemoteHealthSink implements ChoreoSourceSink {
  private directory?: { state: SourceState; message?: string };
  private remoteProblem?: string;

  constructor(private readonly target: ChoreoSourceSink) {}

  /** Undefined: the last fetch worked. */
  setRemoteProblem(message: string | undefined): void {
    this.remoteProblem = message;
    this.report();
  }

  replaceAll(resources: ChoreoResource[]): void {
    this.target.replaceAll(resources);
  }

  applyChanges(changes: {
    upserts?: ChoreoResource[];
    removals?: ResourceKey[];
  }): void {
    this.target.applyChanges(changes);
  }

  setProblems(problems: SourceProblem[]): void {
    this.target.setProblems(problems);
  }

  setState(state: SourceState, message?: string): void {
    this.directory = { state, message };
    this.report();
  }

  private report(): void {
    const directory = this.directory;
    const problem = this.remoteProblem;
    if (!directory) {
      // nothing loaded yet: the remote is all there is to say
      if (problem) {
        this.target.setState('failing', problem);
      }
      return;
    }
    if (problem && directory.state === 'synced') {
      this.target.setState('stale', problem);
      return;
    }
    this.target.setState(directory.state, directory.message);
  }
}
