import * as assert from 'node:assert/strict';
import {
  buildCandidates,
  candidateEntry,
  combinedEntry,
  loggedCommits,
  newestCapturedDate,
  webLinks,
  type GitCandidate,
  type GitCommit,
} from '../../../../src/core/capture/gitCandidates';

/** A full-length hash for a readable number: `h(1)` is 00000001 followed by a's. */
function h(n: number): string {
  return n.toString(16).padStart(8, '0').padEnd(40, 'a');
}

/** One commit, newest histories written newest first like `git log` prints them. */
function commit(n: number, parents: number[], message: string, extra: Partial<GitCommit> = {}): GitCommit {
  return {
    hash: h(n),
    parents: parents.map(h),
    authorEmail: 'me@example.com',
    authorDate: `2026-03-${String(n).padStart(2, '0')}T10:00:00+01:00`,
    message,
    ...extra,
  };
}

const options = { repository: 'billing', logged: new Set<string>() };

function summary(candidates: readonly GitCandidate[]): [string, string, string[]][] {
  return candidates.map((c) => [c.key, c.title, c.commits.map((hash) => String(parseInt(hash.slice(0, 8), 16)))]);
}

describe('git candidates', () => {
  it('makes one candidate of a GitHub pull request merge and the commits it brought in, titled by its body', () => {
    // 1 (main) -- 2 -- 3 (feature) ; 4 on main ; 5 merges 3 into 4
    const commits = [
      commit(5, [4, 3], 'Merge pull request #812 from acme/retries\n\nAdd retries to the importer\n', { insertions: 120, deletions: 30 }),
      commit(4, [1], 'Fix the build on main', { insertions: 1, deletions: 1 }),
      commit(3, [2], 'Retry on 503', { insertions: 100, deletions: 20 }),
      commit(2, [1], 'Retry on timeouts', { insertions: 20, deletions: 10 }),
      commit(1, [], 'Initial commit', { insertions: 5, deletions: 0 }),
    ];
    const candidates = buildCandidates(commits, { ...options, remoteUrl: 'git@github.com:acme/billing.git' });
    assert.deepEqual(summary(candidates), [
      ['pr:billing#812', 'Add retries to the importer', ['5', '3', '2']],
      [`commit:${h(4)}`, 'Fix the build on main', ['4']],
      [`commit:${h(1)}`, 'Initial commit', ['1']],
    ]);
    const pr = candidates[0];
    assert.equal(pr.pullRequest, 812);
    assert.equal(pr.date, '2026-03-05');
    assert.equal(pr.link, 'https://github.com/acme/billing/pull/812');
    assert.equal(candidates[1].link, `https://github.com/acme/billing/commit/${h(4)}`);
    // The merge's own numbers, relative to its first parent, already cover the whole pull request.
    assert.deepEqual([pr.insertions, pr.deletions], [120, 30]);
  });

  it('sums the line counts of a pull request whose merge has none', () => {
    const commits = [commit(4, [1, 3], 'Merge pull request #9 from acme/x\n\nX'), commit(3, [2], 'b', { insertions: 2, deletions: 1 }), commit(2, [1], 'a', { insertions: 3 }), commit(1, [], 'base')];
    const [pr] = buildCandidates(commits, options);
    assert.deepEqual([pr.insertions, pr.deletions], [5, 1]);
  });

  it('keeps the main line out of a pull request that merged the main branch into its own', () => {
    // 1 main; 2 feature; 3 main; 4 feature merges main (3) in; 5 feature; 6 merges feature into main
    const commits = [
      commit(6, [3, 5], 'Merge pull request #7 from acme/feature\n\nThe feature'),
      commit(5, [4], 'Finish the feature'),
      commit(4, [2, 3], "Merge branch 'main' into feature"),
      commit(3, [1], 'Main line work'),
      commit(2, [1], 'Start the feature'),
      commit(1, [], 'Initial commit'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [
      ['pr:billing#7', 'The feature', ['6', '5', '4', '2']],
      [`commit:${h(3)}`, 'Main line work', ['3']],
      [`commit:${h(1)}`, 'Initial commit', ['1']],
    ]);
  });

  it('stops a pull request at an older pull request when the first parent is not in the list', () => {
    // Only the user's commits: 10 (someone else's merge) is missing, so the first side is empty.
    const commits = [
      commit(12, [10, 11], 'Merge pull request #2 from acme/second\n\nSecond'),
      commit(11, [9], 'Second change'),
      commit(9, [7, 8], 'Merge pull request #1 from acme/first\n\nFirst'),
      commit(8, [7], 'First change'),
      commit(7, [], 'Initial commit'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [
      ['pr:billing#2', 'Second', ['12', '11']],
      ['pr:billing#1', 'First', ['9', '8']],
      [`commit:${h(7)}`, 'Initial commit', ['7']],
    ]);
  });

  it('stops a pull request where its branch forked when the first parent is not in the list', () => {
    // 1 base; 2 feature; 3 the user's work on main; 4 someone else's (missing); 5 merges 2 on 4.
    const commits = [
      commit(5, [4, 2], 'Merge pull request #3 from acme/feature\n\nFeature'),
      commit(3, [1], 'Main line work'),
      commit(2, [1], 'Feature work'),
      commit(1, [], 'Initial commit'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [
      ['pr:billing#3', 'Feature', ['5', '2']],
      [`commit:${h(3)}`, 'Main line work', ['3']],
      [`commit:${h(1)}`, 'Initial commit', ['1']],
    ]);
  });

  it('reads a merge whose parents a shallow clone cut off by its subject', () => {
    const [pr] = buildCandidates([commit(1, [], 'Merge pull request #8 from acme/x\n\nThe title')], options);
    assert.deepEqual([pr.key, pr.title], ['pr:billing#8', 'The title']);
  });

  it('reads a GitLab merge request from the merge body, and its title from the line before it', () => {
    const commits = [
      commit(3, [1, 2], "Merge branch 'importer' into 'main'\n\nAdd the importer\n\nSee merge request acme/billing!42"),
      commit(2, [1], 'Importer'),
      commit(1, [], 'Initial commit'),
    ];
    const [mr] = buildCandidates(commits, { ...options, remoteUrl: 'https://gitlab.com/acme/billing.git' });
    assert.equal(mr.key, 'pr:billing#42');
    assert.equal(mr.title, 'Add the importer');
    assert.deepEqual(mr.commits, [h(3), h(2)]);
    assert.equal(mr.link, 'https://gitlab.com/acme/billing/-/merge_requests/42');
  });

  it('titles a merge without a body by its one commit, or by its branch', () => {
    const one = [commit(3, [1, 2], 'Merge pull request #5 from acme/fix'), commit(2, [1], 'Fix the rounding'), commit(1, [], 'base')];
    assert.equal(buildCandidates(one, options)[0].title, 'Fix the rounding');
    const two = [commit(4, [1, 3], 'Merge pull request #6 from acme/two'), commit(3, [2], 'b'), commit(2, [1], 'a'), commit(1, [], 'base')];
    assert.equal(buildCandidates(two, options)[0].title, 'Pull request #6 from acme/two');
  });

  it('reads a squash merge as its pull request, titled without the number', () => {
    const [squash] = buildCandidates([commit(1, [], 'Add retries to the importer (#812)\n\n* retry\n* more', { insertions: 9, deletions: 2 })], options);
    assert.equal(squash.key, 'pr:billing#812');
    assert.equal(squash.pullRequest, 812);
    assert.equal(squash.title, 'Add retries to the importer');
    assert.deepEqual([squash.insertions, squash.deletions], [9, 2]);
  });

  it('turns a conventional-commit scope into tags and drops the prefix from the title', () => {
    const candidates = buildCandidates(
      [
        commit(3, [2], 'feat(Billing, On Call)!: add retries (#3)'),
        commit(2, [1], 'fix: handle empty files'),
        commit(1, [], 'chore(deps): bump yaml'),
      ],
      options,
    );
    assert.deepEqual(
      candidates.map((c) => [c.title, c.tags]),
      [
        ['Add retries', ['billing', 'on-call']],
        ['Handle empty files', []],
        ['Bump yaml', ['deps']],
      ],
    );
  });

  it('tags a pull request with its commits’ scopes when its title has none', () => {
    const commits = [commit(3, [1, 2], 'Merge pull request #4 from acme/x\n\nRetries'), commit(2, [1], 'feat(importer): retry'), commit(1, [], 'base')];
    assert.deepEqual(buildCandidates(commits, options)[0].tags, ['importer']);
  });

  it('leaves out fixups and merges without a pull request, but keeps what such a merge brought in', () => {
    const commits = [
      commit(5, [3, 4], "Merge branch 'topic'"),
      commit(4, [2], 'Topic work'),
      commit(3, [2], 'fixup! Main work'),
      commit(2, [1], 'squash! Main work'),
      commit(1, [], 'amend! Main work'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [[`commit:${h(4)}`, 'Topic work', ['4']]]);
  });

  it('leaves out a commit together with its revert, and keeps a revert of work outside the list', () => {
    const commits = [
      commit(4, [3], `Revert "Add a cache"\n\nThis reverts commit ${h(2)}.\n`),
      commit(3, [2], `Revert "Old thing"\n\nThis reverts commit ${'f'.repeat(40)}.\n`),
      commit(2, [1], 'Add a cache'),
      commit(1, [], 'Keep this'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [
      [`commit:${h(3)}`, 'Revert "Old thing"', ['3']],
      [`commit:${h(1)}`, 'Keep this', ['1']],
    ]);
  });

  it('leaves a change in when its revert is itself reverted', () => {
    const commits = [
      commit(3, [2], `Revert "Revert "Add a cache""\n\nThis reverts commit ${h(2)}.`),
      commit(2, [1], `Revert "Add a cache"\n\nThis reverts commit ${h(1)}.`),
      commit(1, [], 'Add a cache'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [[`commit:${h(1)}`, 'Add a cache', ['1']]]);
  });

  it('leaves out a reverted pull request merge with its commits', () => {
    const commits = [
      commit(5, [4], `Revert "Merge pull request #3 from acme/x"\n\nThis reverts commit ${h(4)}, reversing\nchanges made to ${h(1)}.`),
      commit(4, [1, 2], 'Merge pull request #3 from acme/x\n\nX'),
      commit(2, [1], 'x'),
      commit(1, [], 'base'),
    ];
    assert.deepEqual(summary(buildCandidates(commits, options)), [[`commit:${h(1)}`, 'base', ['1']]]);
  });

  it('does not offer work already logged, also when an entry lists a commit abbreviated', () => {
    const commits = [commit(4, [1, 3], 'Merge pull request #9 from acme/x\n\nX'), commit(3, [1], 'x'), commit(2, [1], 'Other'), commit(1, [], 'base')];
    const logged = loggedCommits([{ commits: [h(3).toUpperCase()] }, { commits: [h(1).slice(0, 12)] }, { commits: [] }]);
    assert.deepEqual(summary(buildCandidates(commits, { ...options, logged })), [[`commit:${h(2)}`, 'Other', ['2']]]);
  });

  it('orders candidates newest first by date, then by history', () => {
    const commits = [commit(2, [1], 'Rebased old work', { authorDate: '2026-01-01T09:00:00Z' }), commit(1, [], 'Newer', { authorDate: '2026-02-01T09:00:00Z' })];
    assert.deepEqual(
      buildCandidates(commits, options).map((c) => c.title),
      ['Newer', 'Rebased old work'],
    );
    const sameDay = [commit(2, [1], 'second'), commit(1, [], 'first', { authorDate: commit(2, [], '').authorDate })];
    assert.deepEqual(
      buildCandidates([...sameDay].reverse(), options).map((c) => c.title),
      ['second', 'first'],
    );
  });

  it('dates a commit as the author’s calendar showed it', () => {
    const dates = ['2026-03-02T23:30:00-05:00', 'Mon, 2 Mar 2026 23:30:00 -0500', '2026-03-01'].map(
      (authorDate, i) => buildCandidates([commit(i + 1, [], 'x', { authorDate })], options)[0].date,
    );
    assert.deepEqual(dates, ['2026-03-02', '2026-03-02', '2026-03-01']);
  });

  it('builds links for GitHub, GitLab, Bitbucket and Azure DevOps remotes over SSH and HTTPS', () => {
    const cases: [string, string, string][] = [
      ['git@github.com:acme/billing.git', 'https://github.com/acme/billing/commit/abc', 'https://github.com/acme/billing/pull/7'],
      ['https://github.com/acme/billing', 'https://github.com/acme/billing/commit/abc', 'https://github.com/acme/billing/pull/7'],
      ['ssh://git@github.com/acme/billing.git', 'https://github.com/acme/billing/commit/abc', 'https://github.com/acme/billing/pull/7'],
      ['https://user:secret@github.com/acme/billing.git/', 'https://github.com/acme/billing/commit/abc', 'https://github.com/acme/billing/pull/7'],
      ['git@gitlab.com:acme/platform/billing.git', 'https://gitlab.com/acme/platform/billing/-/commit/abc', 'https://gitlab.com/acme/platform/billing/-/merge_requests/7'],
      ['ssh://git@gitlab.acme.com:2222/acme/billing.git', 'https://gitlab.acme.com/acme/billing/-/commit/abc', 'https://gitlab.acme.com/acme/billing/-/merge_requests/7'],
      ['git@bitbucket.org:acme/billing.git', 'https://bitbucket.org/acme/billing/commits/abc', 'https://bitbucket.org/acme/billing/pull-requests/7'],
      ['https://me@bitbucket.org/acme/billing.git', 'https://bitbucket.org/acme/billing/commits/abc', 'https://bitbucket.org/acme/billing/pull-requests/7'],
      ['https://dev.azure.com/acme/Billing/_git/api', 'https://dev.azure.com/acme/Billing/_git/api/commit/abc', 'https://dev.azure.com/acme/Billing/_git/api/pullrequest/7'],
      ['https://acme@dev.azure.com/acme/Billing/_git/api', 'https://dev.azure.com/acme/Billing/_git/api/commit/abc', 'https://dev.azure.com/acme/Billing/_git/api/pullrequest/7'],
      ['git@ssh.dev.azure.com:v3/acme/Billing/api', 'https://dev.azure.com/acme/Billing/_git/api/commit/abc', 'https://dev.azure.com/acme/Billing/_git/api/pullrequest/7'],
      ['acme@vs-ssh.visualstudio.com:v3/acme/Billing/api', 'https://dev.azure.com/acme/Billing/_git/api/commit/abc', 'https://dev.azure.com/acme/Billing/_git/api/pullrequest/7'],
      ['https://acme.visualstudio.com/Billing/_git/api', 'https://dev.azure.com/acme/Billing/_git/api/commit/abc', 'https://dev.azure.com/acme/Billing/_git/api/pullrequest/7'],
    ];
    for (const [remote, commitLink, prLink] of cases) {
      const links = webLinks(remote);
      assert.ok(links, remote);
      assert.equal(links.commit('abc'), commitLink, remote);
      assert.equal(links.pullRequest(7), prLink, remote);
    }
    for (const unknown of ['/srv/git/billing.git', 'file:///srv/git/billing.git', 'git@git.acme.com:acme/billing.git', '', 'https://github.com/']) {
      assert.equal(webLinks(unknown), undefined, unknown);
    }
  });

  it('gives no link without a remote', () => {
    assert.equal(buildCandidates([commit(1, [], 'x')], options)[0].link, undefined);
  });

  it('makes a project entry of a candidate, and one entry of several', () => {
    const [pr, single] = buildCandidates(
      [commit(3, [1, 2], 'Merge pull request #4 from acme/x\n\nfeat(importer): retries'), commit(2, [1], 'x'), commit(1, [], 'fix(api): base')],
      { ...options, remoteUrl: 'git@github.com:acme/billing.git' },
    );
    assert.deepEqual(candidateEntry(pr, '  p99 down 40%  '), {
      date: '2026-03-03',
      title: 'Retries',
      type: 'project',
      impact: 'p99 down 40%',
      tags: ['importer'],
      links: ['https://github.com/acme/billing/pull/4'],
      commits: [h(3), h(2)],
    });
    assert.equal(candidateEntry(single, '  ').impact, undefined);
    assert.deepEqual(combinedEntry([single, pr], ' The importer ', 'faster'), {
      date: '2026-03-03',
      title: 'The importer',
      type: 'project',
      impact: 'faster',
      tags: ['api', 'importer'],
      links: [`https://github.com/acme/billing/commit/${h(1)}`, 'https://github.com/acme/billing/pull/4'],
      commits: [h(1), h(3), h(2)],
    });
  });

  it('finds the newest date among entries captured from git', () => {
    assert.equal(newestCapturedDate([]), undefined);
    assert.equal(
      newestCapturedDate([
        { date: '2026-05-01', commits: [] },
        { date: '2026-03-01', commits: [h(1)] },
        { date: '2026-04-01', commits: [h(2)] },
      ]),
      '2026-04-01',
    );
  });
});
