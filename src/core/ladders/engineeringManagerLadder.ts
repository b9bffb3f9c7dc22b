// A ladder for engineering managers, written for this project in the shape of the built-in one:
// the same dimension at every level keeps its id, so `competencies: [people]` counts at whichever
// level a packet targets.
import type { Criterion, Level } from '../packet/ladder';
import type { LadderDraft } from './ladderText';

const DIMENSIONS = ['people', 'hiring', 'delivery', 'technical-direction', 'leadership', 'communication', 'org-impact'] as const;

type Dimension = (typeof DIMENSIONS)[number];

const TITLES: Record<Dimension, string> = {
  people: 'People development',
  hiring: 'Hiring and team building',
  delivery: 'Delivery',
  'technical-direction': 'Technical direction',
  leadership: 'Leadership and strategy',
  communication: 'Communication and stakeholders',
  'org-impact': 'Organizational impact',
};

// Words a manager's entries use when they are evidence for the dimension, past tense included
// (entries are written after the fact). Words every manager's entry contains (team, led) are left
// out: they would suggest everything.
const KEYWORDS: Record<Dimension, readonly string[]> = {
  people: ['one-on-ones', '1:1s', 'feedback', 'coached', 'coaching', 'mentored', 'career', 'growth plan', 'promoted', 'promotion', 'performance review'],
  hiring: ['hired', 'hiring', 'interviews', 'interviewed', 'recruiting', 'headcount', 'onboarding', 'onboarded', 'new hire', 'team formation'],
  delivery: ['shipped', 'launched', 'delivered', 'roadmap', 'milestone', 'deadline', 'planning', 'okrs', 'incident', 'on time'],
  'technical-direction': ['architecture', 'design review', 'technical debt', 'tech debt', 'migration', 'reliability', 'slo', 'platform strategy'],
  leadership: ['strategy', 'vision', 'reorg', 'reorganized', 'org design', 'prioritized', 'initiative', 'budget'],
  communication: ['stakeholders', 'presented', 'all-hands', 'update', 'partnered', 'product', 'cross-functional', 'escalation'],
  'org-impact': ['company-wide', 'org-wide', 'process', 'attrition', 'retention', 'engagement', 'cost', 'saved', 'culture'],
};

type LevelSpec = { id: string; title: string; criteria: Partial<Record<Dimension, string>> };

const LEVELS: readonly LevelSpec[] = [
  {
    id: 'M1',
    title: 'Engineering Manager',
    criteria: {
      people: 'Holds regular one-on-ones, gives timely feedback and writes fair reviews for a team of four to eight.',
      hiring: 'Runs interview loops to the company bar and onboards new hires so they ship in their first weeks.',
      delivery: 'The team ships what it committed to each quarter; risks are raised early and incidents handled calmly.',
      'technical-direction': 'Keeps enough technical depth to judge designs and trade-offs; protects time for quality and debt.',
      communication: 'Keeps product, design and stakeholders informed; the team knows why its work matters.',
    },
  },
  {
    id: 'M2',
    title: 'Senior Engineering Manager',
    criteria: {
      people: 'Grows engineers into senior roles and helps a new manager or tech lead succeed; promotions are well argued.',
      hiring: 'Builds a team that holds a high bar: opens roles, shapes the loop, closes candidates.',
      delivery: 'Delivers multi-quarter projects across two or more teams with predictable planning.',
      'technical-direction': 'Drives the technical roadmap of an area with its tech leads: architecture, reliability, debt.',
      leadership: 'Sets the direction of an area and says no to work that does not serve it.',
      communication: 'Negotiates scope and dates with partner teams and explains trade-offs to leadership.',
    },
  },
  {
    id: 'M3',
    title: 'Director of Engineering',
    criteria: {
      people: 'Manages managers; grows the next line of engineering managers and staff engineers.',
      hiring: 'Plans headcount and the shape of the organization for the year; builds teams from scratch.',
      delivery: 'A group of teams delivers the product roadmap; planning and execution work without them in every meeting.',
      'technical-direction': 'Owns the technical strategy of a product area, balanced against product goals.',
      leadership: 'Sets the group\'s strategy and organization design; makes the hard calls on priorities and budget.',
      communication: 'Represents engineering to product, sales and executives; aligns several groups on a plan.',
      'org-impact': 'Improves how the wider engineering organization works: process, retention, culture.',
    },
  },
  {
    id: 'M4',
    title: 'Senior Director of Engineering',
    criteria: {
      people: 'Builds a bench of directors and senior managers; leadership gaps are filled from within.',
      hiring: 'Shapes hiring strategy across several groups, including leaders hired from outside.',
      delivery: 'Several product lines deliver on multi-year commitments.',
      'technical-direction': 'Sets platform and architecture strategy that several groups build on.',
      leadership: 'Shapes the engineering strategy with the executive team; organization changes land well.',
      communication: 'Trusted voice with executives and customers on engineering matters.',
      'org-impact': 'Measurable impact on the company\'s results: cost, reliability, speed of delivery.',
    },
  },
  {
    id: 'M5',
    title: 'VP of Engineering',
    criteria: {
      people: 'Builds the leadership team of engineering and the culture that grows leaders.',
      hiring: 'Owns engineering\'s size, shape and hiring brand.',
      delivery: 'Engineering as a whole delivers the company\'s plan.',
      'technical-direction': 'Owns the company\'s technical strategy with the CTO or as the most senior engineer.',
      leadership: 'Sets engineering\'s vision, budget and organization; a member of the company\'s leadership team.',
      communication: 'Represents engineering to the board, customers and the industry.',
      'org-impact': 'Impact on the company\'s direction: new products, markets or ways of working.',
    },
  },
];

export function engineeringManagerLadder(): LadderDraft {
  const levels: Level[] = LEVELS.map((spec) => ({
    id: spec.id,
    title: spec.title,
    criteria: DIMENSIONS.filter((d) => spec.criteria[d] !== undefined).map(
      (d): Criterion => ({ id: d, title: TITLES[d], description: spec.criteria[d] ?? '', keywords: [...KEYWORDS[d]] }),
    ),
  }));
  return { name: 'Engineering management ladder', levels };
}
