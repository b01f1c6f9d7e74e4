import { describeDropped } from './droppedWork';

describe('describeDropped', () => {
  it('names commits by subject and files by path, a few of each', () => {
    expect(
      describeDropped({ commits: ['Promote api'], files: ['acme/a.yaml'] }),
    ).toBe(
      '1 unpushed commit ("Promote api") and uncommitted changes to acme/a.yaml',
    );
    expect(
      describeDropped({
        commits: ['1', '2', '3', '4', '5', '6', '7'],
        files: [],
      }),
    ).toBe('7 unpushed commits ("1", "2", "3", "4", "5" and 2 more)');
  });
});
