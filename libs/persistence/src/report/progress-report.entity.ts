import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TrafficLight } from '@rhythm/domain';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { PlanItem } from '../plan/plan-item.entity.js';
import { Session } from '../session/session.entity.js';
import { User } from '../user/user.entity.js';

/** Reports are never edited, only added: the newest current one counts, so there is no `updatedAt`. */
export const ProgressReport = defineEntity({
  name: 'ProgressReport',
  tableName: 'progress_report',
  properties: {
    id: uuidPrimaryKey(),
    item: () => p.manyToOne(PlanItem).ref().deleteRule('cascade'),
    /** Set when the report was written for a particular session; otherwise "current" is decided by date. */
    session: () => p.manyToOne(Session).ref().nullable(),
    author: () => p.manyToOne(User).ref(),
    /** Percent done, 0–100. */
    progress: p.integer().check('progress >= 0 and progress <= 100'),
    trafficLight: p.enum(TrafficLight.options),
    explanation: p.text(),
    createdAt: createdAtProperty(),
  },
  indexes: [{ name: 'progress_report_item_created_at_index', properties: ['item', 'createdAt'] }],
});

export type ProgressReport = InferEntity<typeof ProgressReport>;
