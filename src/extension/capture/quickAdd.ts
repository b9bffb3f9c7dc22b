// Growth Log: Quick Add, one line (`Shipped the importer #infra #speed`) to an entry dated today.
import { today } from '../../core/model/entry';
import { parseQuickAdd } from '../../core/capture/quickAdd';
import { captureEntry, logForCapture, type CaptureDeps } from './addEntry';
import type { Command } from '../workbench/commands';
import { askText } from '../workbench/multiStepInput';

export function quickAddCommand(deps: CaptureDeps): Command {
  return {
    id: 'growthLog.quickAdd',
    async execute() {
      const log = await logForCapture(deps.logs);
      if (!log) return undefined;
      const line = await askText(deps.inputs, {
        title: 'Quick Add',
        prompt: 'One line, dated today. Add #tags anywhere; #private keeps it out of packets and exports.',
        placeholder: 'Shipped the importer #infra #speed',
        value: '',
        validate: (value) => (parseQuickAdd(value).title ? undefined : 'Write what you did; #tags alone are not an entry.'),
      });
      if (line === undefined) return undefined;
      const { title, tags, private: isPrivate } = parseQuickAdd(line);
      return captureEntry(deps, log, { date: today(), title, tags, private: isPrivate });
    },
  };
}
