// The call screen's keyboard shortcuts, as the help overlay (`?`) lists them. Each key is bound
// where it acts, from the same constants: Next customer here, the softphone's in calls, the
// outcome form's, auto mode's.
import { autoModeKeys } from '@/features/auto-dial/components/auto-mode-bar';
import { softphoneKeys } from '@/features/calls/components/softphone';
import type { ShortcutGroup } from '@/features/shortcuts/registry';

import { outcomeKeys, saveOutcomeKey } from './components/outcome-form';

export const nextCustomerKey = 'N';

const firstOutcomeKey = outcomeKeys[0];
const lastOutcomeKey = outcomeKeys[outcomeKeys.length - 1];

export const queueShortcutGroup: ShortcutGroup = {
  id: 'queue',
  title: 'Queue (the call screen)',
  shortcuts: [
    { keys: nextCustomerKey, action: 'Next customer' },
    { keys: softphoneKeys.call, action: 'Call the customer' },
    { keys: softphoneKeys.hangUp, action: 'Hang up (during a call)' },
    { keys: softphoneKeys.mute, action: 'Mute or unmute (during a call)' },
    {
      keys: `${firstOutcomeKey}–${lastOutcomeKey}`,
      action: 'Choose the outcome at that place in the list',
    },
    { keys: saveOutcomeKey, action: 'Save outcome (on the chosen outcome)' },
    { keys: autoModeKeys.toggle, action: 'Start or stop auto mode' },
    { keys: 'Esc', action: 'Pause the auto-mode countdown' },
  ],
};
