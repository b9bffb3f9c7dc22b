import type { Ladder } from '../../../../src/core/packet/ladder';

/** A two-level ladder: E4 (current) and E5 with an architecture and a delivery criterion. */
export function buildCoverageLadder(): Ladder {
  return {
    name: 'Acme ladder',
    current: 'E4',
    isDefault: false,
    levels: [
      { id: 'E4', title: 'Senior Engineer', criteria: [] },
      {
        id: 'E5',
        title: 'Staff Engineer',
        criteria: [
          { id: 'architecture', title: 'Architecture', description: 'Designs systems across services.', keywords: ['migration'] },
          { id: 'delivery', title: 'Delivery', description: 'Ships multi-quarter projects.', keywords: ['launched'] },
        ],
      },
    ],
  };
}
