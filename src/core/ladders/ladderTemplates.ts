// The ladders Create Ladder… offers: the built-in one for software engineers, one for
// engineering managers (both written by this project), and a blank one whose comments teach the
// format. Each is the text of a new `ladder.yaml`, valid as it stands.
import { defaultLadder } from '../packet/defaultLadder';
import { engineeringManagerLadder } from './engineeringManagerLadder';
import { ladderText } from './ladderText';

export type LadderTemplateId = 'software-engineer' | 'engineering-manager' | 'blank';

export interface LadderTemplate {
  readonly id: LadderTemplateId;
  readonly label: string;
  readonly detail: string;
  readonly text: () => string;
}

const EDIT_FREELY = [
  'Your ladder: Growth Log reads it from this folder. Edit it freely; comments are kept.',
  'Entries name criteria by `id` under `competencies`; `keywords` make Growth Log suggest an entry as',
  'evidence when its title, impact, details or tags contain one of them as a whole word.',
  '',
];

const BLANK = `# Your ladder: Growth Log reads it from this folder. Edit it freely; comments are kept.
# List levels lowest first. Only the levels you aim for need criteria.
name: My company's ladder
# current: L3      # the level you hold now (Growth Log: Set Current Level…)
# target: L4       # the level your packet makes the case for (Growth Log: Set Target Level…)
levels:
  - id: L3                      # what \`current\` and \`target\` name
    title: Senior Engineer
  - id: L4
    title: Staff Engineer
    criteria:
      - id: technical-scope     # what entries list under \`competencies\`
        title: Technical scope
        # What evidence at this level looks like: the packet quotes it and uses it to describe gaps.
        description: Designs systems that span several teams and gets them adopted.
        # Optional: whole words or phrases that suggest an entry supports this criterion.
        keywords: [architecture, design doc, migration]
`;

export const LADDER_TEMPLATES: readonly LadderTemplate[] = [
  {
    id: 'software-engineer',
    label: 'Software engineer',
    detail: 'The built-in ladder, six levels from Software Engineer I (L1) to Principal Engineer (L6), to adapt to yours',
    text: () => {
      const ladder = defaultLadder();
      return ladderText({ name: 'Software engineering ladder', levels: ladder.levels }, { header: EDIT_FREELY });
    },
  },
  {
    id: 'engineering-manager',
    label: 'Engineering manager',
    detail: 'Five levels from Engineering Manager (M1) to VP of Engineering (M5): people, delivery, direction, organization',
    text: () => ladderText(engineeringManagerLadder(), { header: EDIT_FREELY }),
  },
  {
    id: 'blank',
    label: 'Blank',
    detail: 'Two levels and one criterion, with comments that explain each key',
    text: () => BLANK,
  },
];

export function ladderTemplate(id: string): LadderTemplate | undefined {
  return LADDER_TEMPLATES.find((template) => template.id === id);
}
