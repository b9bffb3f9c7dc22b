// test/integration/nodeOnly.ts for the web worker suite: there is no Node to run the CLI in.
import type { NodeOnly } from '../integration/nodeOnly';

export const nodeOnly: NodeOnly | undefined = undefined;
