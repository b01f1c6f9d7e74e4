import {
  ArgoPod,
  splitTimestamp,
  stepOfNodeName,
  taskPodsInOrder,
} from './argoPods';

const pod = (name: string, nodeName: string, startTime?: string): ArgoPod => ({
  metadata: {
    name,
    annotations: { 'workflows.argoproj.io/node-name': nodeName },
  },
  spec: {
    containers: [{ name: 'wait' }, { name: 'main' }, { name: 'sidecar' }],
  },
  status: { startTime },
});

describe('argo pods', () => {
  it('reads the step of a node name, nested steps keeping their path', () => {
    expect(stepOfNodeName('b-1', 'b-1[2].push-step')).toEqual({
      index: 2,
      step: 'push-step',
    });
    expect(stepOfNodeName('b-1', 'b-1[0].build[1].push')).toEqual({
      index: 0,
      step: 'build[1].push',
    });
    expect(stepOfNodeName('b-1', 'b-10[0].clone')).toBeUndefined();
    expect(stepOfNodeName('b-1', undefined)).toBeUndefined();
  });

  it('orders pods by the run tasks, then unknown steps, retries oldest first', () => {
    const ordered = taskPodsInOrder(
      'b',
      [
        pod('p-new', 'b[3].notify'),
        pod('p-build-retry', 'b[1].build', '2026-01-01T00:02:00Z'),
        pod('p-clone', 'b[0].clone'),
        pod('p-build', 'b[1].build', '2026-01-01T00:01:00Z'),
        pod('other', 'x[0].clone'),
      ],
      ['clone', 'build'],
    );
    expect(ordered.map(p => [p.task, p.pod.metadata.name])).toEqual([
      ['clone', 'p-clone'],
      ['build', 'p-build'],
      ['build', 'p-build-retry'],
      ['notify', 'p-new'],
    ]);
    expect(ordered[0].containers).toEqual(['main', 'sidecar']);
  });

  it('splits the kubelet timestamp from the text', () => {
    expect(
      splitTimestamp('2026-11-21T12:00:00.123456789Z Step 1/7 : FROM node'),
    ).toEqual({
      time: '2026-11-21T12:00:00.123456789Z',
      text: 'Step 1/7 : FROM node',
    });
    expect(splitTimestamp('no timestamp here')).toEqual({
      text: 'no timestamp here',
    });
  });
});
