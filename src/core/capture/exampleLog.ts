// The first file of a new log: one example entry whose comments teach the format, so a new user
// learns it by reading (and editing) rather than from the README.
import { NEW_FILE_HEADER } from '../edits/entryEdits';

/** `brag/<year>.yaml` for a log created today: valid, with one entry dated today. */
export function exampleLogText(today: string): string {
  return `${NEW_FILE_HEADER}# Each item under \`entries:\` is one piece of evidence. Only \`date\` and \`title\` are required;
# keep this example, edit it into your first real entry, or delete it.
entries:
  - id: ${today}-started-a-growth-log   # stable and unique; made from the date and title when missing
    date: ${today}                      # YYYY-MM-DD
    title: Started a growth log          # what you did, in one line, in the past tense
    type: learning        # project, skill, learning, responsibility, leadership, mentoring,
                          # collaboration, network, recognition or move
    impact: Review season starts from evidence, not memory   # what changed; numbers help
    tags: [habits]        # your own words, to group and filter by
    # competencies: [technical-skill]   # criterion ids from your ladder (Growth Log: Create Ladder…)
    # links: [https://example.com/pull/1]   # pull requests, documents, praise
    details: |
      Free Markdown: the context, what you did, who you worked with.
`;
}
