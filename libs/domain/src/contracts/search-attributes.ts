import { defineSearchAttributeKey } from '@temporalio/common';

// Custom search attributes that let ops filter sessions in the Temporal UI and CLI, e.g.
//   temporal workflow list --query "RhythmTeamId='…' AND RhythmState='scheduled'"
// The local stack registers them at start; production registers them once with
//   temporal operator search-attribute create --name RhythmTeamId --type Keyword   (and so on).
export const RhythmTeamId = defineSearchAttributeKey('RhythmTeamId', 'KEYWORD');
export const RhythmSessionDate = defineSearchAttributeKey('RhythmSessionDate', 'DATETIME');
export const RhythmSessionKind = defineSearchAttributeKey('RhythmSessionKind', 'KEYWORD');
export const RhythmNextSendAt = defineSearchAttributeKey('RhythmNextSendAt', 'DATETIME');
export const RhythmState = defineSearchAttributeKey('RhythmState', 'KEYWORD');

/** Name → type as `temporal operator search-attribute create` and `server start-dev` spell it. */
export const rhythmSearchAttributeTypes: Record<string, 'Keyword' | 'Datetime'> = {
  RhythmTeamId: 'Keyword',
  RhythmSessionDate: 'Datetime',
  RhythmSessionKind: 'Keyword',
  RhythmNextSendAt: 'Datetime',
  RhythmState: 'Keyword',
};
