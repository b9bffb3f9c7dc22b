// The ladder used when a log folder has no `ladder.yaml` (and the choice between the two): six
// levels for software engineers, written for this project. Criterion ids repeat across levels
// wherever the dimension is the same, so one `competencies: [execution]` counts at whichever
// level the packet targets.
import { parseLadder, type Criterion, type Ladder, type Level, type ParsedLadder } from './ladder';

// Listed in the order every level shows them, so levels read alike.
const DIMENSIONS = ['technical-skill', 'technical-scope', 'execution', 'leadership', 'mentoring', 'communication', 'org-impact'] as const;

type Dimension = (typeof DIMENSIONS)[number];

const TITLES: Record<Dimension, string> = {
  'technical-skill': 'Technical skill',
  'technical-scope': 'Technical scope',
  execution: 'Execution',
  leadership: 'Leadership',
  mentoring: 'People and mentoring',
  communication: 'Communication and collaboration',
  'org-impact': 'Organizational impact',
};

// Whole words and phrases an entry's text tends to contain when it is evidence for the dimension.
// Word forms are listed because matching is whole-word, not stemmed.
const KEYWORDS: Record<Dimension, readonly string[]> = {
  'technical-skill': ['tests', 'testing', 'debugging', 'debugged', 'refactor', 'refactored', 'refactoring', 'performance', 'profiling', 'security', 'reliability', 'code quality', 'certification', 'certified'],
  // Not `platform`, `system(s)` or `api`: they name teams, courses and releases far more often
  // than a design the author owns (measured: see test/fixtures/ladders/suggestion-verdicts.yaml).
  'technical-scope': ['designed', 'architecture', 'architected', 'migration', 'migrated', 'schema', 'design doc', 'rfc', 'infrastructure'],
  // Not `on-call` or a bare `incident`: they come up in mentoring and process entries as often.
  execution: ['shipped', 'launched', 'delivered', 'released', 'release', 'rollout', 'deadline', 'milestone', 'on time', 'incident commander', 'outage', 'automated', 'unblocked'],
  leadership: ['led', 'lead', 'leading', 'owned', 'owner', 'drove', 'initiative', 'decision', 'prioritized', 'planning', 'tech lead'],
  mentoring: ['mentor', 'mentored', 'mentoring', 'coached', 'coaching', 'onboarding', 'onboarded', 'pairing', 'paired', 'interview', 'interviews', 'interviewed', 'hiring', 'new hire', 'intern'],
  // Not `wrote`: code is written too. What was written says it is communication.
  communication: ['presented', 'presentation', 'talk', 'demo', 'postmortem', 'blog post', 'writing', 'documentation', 'docs', 'blog', 'workshop', 'stakeholders', 'partnered', 'cross-team'],
  'org-impact': ['cost', 'costs', 'saved', 'savings', 'revenue', 'adoption', 'adopted', 'company-wide', 'org-wide', 'standard', 'strategy', 'process', 'customers'],
};

type LevelSpec = { id: string; title: string; criteria: Partial<Record<Dimension, string>> };

// Descriptions say what evidence at the level looks like, so a gap can name what would close it.
const LEVELS: readonly LevelSpec[] = [
  {
    id: 'L1',
    title: 'Software Engineer I',
    criteria: {
      'technical-skill': 'Writes correct, tested code in the team\'s main language and tools, and fixes review comments without being told twice.',
      'technical-scope': 'Completes well-defined tasks inside one component, such as a bug fix, a small feature or an endpoint.',
      execution: 'Finishes the tasks taken on, with tests, in the time agreed, and says early when stuck.',
      communication: 'Asks clear questions, gives concise status updates and writes pull request descriptions a reviewer can follow.',
      leadership: 'Owns assigned tasks end to end: follows up on review, release and any bug reported afterwards.',
    },
  },
  {
    id: 'L2',
    title: 'Software Engineer II',
    criteria: {
      'technical-skill': 'Debugs problems across the team\'s code base on their own and leaves code cleaner than found: refactors, tests, performance fixes.',
      'technical-scope': 'Builds whole features inside one service or app, including small design decisions written down for the team.',
      execution: 'Delivers features of a few weeks predictably, breaks them into reviewable steps and handles the team\'s on-call.',
      communication: 'Explains a design or a trade-off to the team in writing or in a demo, and works smoothly with design, product and QA.',
      leadership: 'Takes ownership of a feature or a recurring problem without being asked and sees it through.',
      mentoring: 'Helps new teammates get productive: onboarding, pairing, thoughtful code reviews.',
    },
  },
  {
    id: 'L3',
    title: 'Senior Software Engineer',
    criteria: {
      'technical-skill': 'Is a go-to person for a part of the stack; raises the quality bar through reviews, tests, reliability or security work.',
      'technical-scope': 'Designs and leads projects that span a service or a few components, with a design document the team reviews.',
      execution: 'Delivers multi-month projects on time, manages risk and scope, and drives incidents to their root cause.',
      leadership: 'Leads a project or a workstream: sets its plan, makes the technical decisions and keeps others unblocked.',
      mentoring: 'Mentors one or more engineers with visible growth in them; interviews and helps hire.',
      communication: 'Writes design documents and updates that stakeholders outside the team act on; presents work to other teams.',
      'org-impact': 'Work with a measurable result for users or the business: latency, reliability, cost saved, adoption.',
    },
  },
  {
    id: 'L4',
    title: 'Staff Engineer',
    criteria: {
      'technical-skill': 'Deep expertise others seek out across teams; solves the hardest problems in an area and makes them repeatable for others.',
      'technical-scope': 'Owns the architecture of systems that span several services or teams, such as a migration, a platform or a shared API.',
      execution: 'Delivers cross-team projects from ambiguity to launch, sequencing work across teams and removing blockers.',
      leadership: 'Sets technical direction for a group of teams: roadmaps, standards, decisions others follow.',
      mentoring: 'Grows senior engineers and tech leads; shapes hiring and onboarding for the group.',
      communication: 'Aligns several teams and their managers on a plan; writes RFCs and strategy documents that settle debates.',
      'org-impact': 'Changes how a whole group works or what it achieves: a new standard, a process, a cost or reliability win across teams.',
    },
  },
  {
    id: 'L5',
    title: 'Senior Staff Engineer',
    criteria: {
      'technical-skill': 'Recognized authority in a domain across the organization; the technical judgment behind major bets.',
      'technical-scope': 'Defines the architecture of a product area or a company-wide platform over several years.',
      execution: 'Delivers organization-wide programs with many teams, balancing long-term health against near-term results.',
      leadership: 'Leads strategic initiatives across the organization and is trusted with its hardest technical decisions.',
      mentoring: 'Develops staff-level engineers and technical leaders; builds mentoring or hiring practices others adopt.',
      communication: 'Represents engineering to senior leadership and partners; turns strategy into plans that many teams follow.',
      'org-impact': 'Results visible at organization level: a strategy adopted, a large cost or revenue effect, a capability the company lacked.',
    },
  },
  {
    id: 'L6',
    title: 'Principal Engineer',
    criteria: {
      'technical-skill': 'Expertise recognized inside and outside the company: talks, papers, open source or standards work.',
      'technical-scope': 'Shapes the company\'s technical strategy across products and platforms for years ahead.',
      execution: 'Makes company-level technical programs succeed, often by finding the path nobody else saw.',
      leadership: 'Sets engineering direction with executives; decisions hold across the company.',
      mentoring: 'Grows the next generation of senior technical leaders and the culture that produces them.',
      communication: 'Explains complex technical bets to executives, customers and the industry, and changes minds.',
      'org-impact': 'Impact on the company\'s direction or results, such as a new line of business, a company-wide standard or the industry\'s practice.',
    },
  },
];

/** A fresh copy each call, so no caller can change the ladder another one sees. */
export function defaultLadder(): Ladder {
  const levels: Level[] = LEVELS.map((spec) => ({
    id: spec.id,
    title: spec.title,
    criteria: DIMENSIONS.filter((dimension) => spec.criteria[dimension] !== undefined).map(
      (dimension): Criterion => ({
        id: dimension,
        title: TITLES[dimension],
        description: spec.criteria[dimension] ?? '',
        keywords: [...KEYWORDS[dimension]],
      }),
    ),
  }));
  return { name: 'Growth Log default ladder for software engineers', levels, isDefault: true };
}

/**
 * The ladder for a log folder: the file's when it exists, else the built-in one. Shared by the
 * extension and the CLI so both judge the same folder against the same ladder.
 */
export function ladderFromFile(text: string | undefined, file: string): ParsedLadder {
  return text === undefined ? { ladder: defaultLadder(), problems: [] } : parseLadder(text, file);
}
