// A repeating series: read it (members), change or stop its repeat and cancel all of it
// (administrators and process owners). Its occurrences are sessions: move or cancel one alone
// with the session routes. The session service (deps.sessions) does the work.
import { SessionRepeat } from '@rhythm/domain';
import { z } from 'zod';
import { Id, TeamParams } from '../../http/common.schemas.js';
import { defineRoute } from '../../http/route.js';
import { SeriesSchema } from '../views/session-views.schemas.js';
import { CancelInput } from '../sessions.schemas.js';

const SeriesParams = TeamParams.extend({ seriesId: Id });
const organisers = { roles: ['administrator', 'process_owner'] as const };
const tags = ['sessions'];
const one = '/api/teams/{teamId}/series/{seriesId}';

export const getSeries = defineRoute({
  method: 'get',
  path: one,
  operationId: 'getSeries',
  summary: 'A repeating series: its occurrences so far and the dates its pattern gives next',
  tags,
  team: {},
  request: { params: SeriesParams },
  responses: { 200: SeriesSchema },
  handler: async ({ member, params, deps }) => ({
    status: 200,
    body: await deps.sessions.seriesDetail(member.team.id, params.seriesId),
  }),
});

export const updateSeries = defineRoute({
  method: 'patch',
  path: one,
  operationId: 'updateSeries',
  summary: 'Change or stop a series’ repeat (administrators and process owners)',
  description:
    'A new `repeat` counts from the next occurrence (which keeps its date); the one after moves to the new pattern’s date, ' +
    'told to its workflow first (503: nothing changed, safe to retry). `none` stops the series: no more occurrences are ' +
    'made, those already made stay. A cancelled series, or one with no occurrence ahead, is 409.',
  tags,
  team: organisers,
  request: {
    params: SeriesParams,
    body: z.strictObject({ repeat: SessionRepeat }).meta({ id: 'SeriesChanges' }),
  },
  responses: { 200: SeriesSchema },
  problems: [409, 503],
  handler: async ({ member, params, body, deps }) => ({
    status: 200,
    body: await deps.sessions.changeSeriesRepeat(member.team.id, params.seriesId, body.repeat),
  }),
});

export const cancelSeries = defineRoute({
  method: 'delete',
  path: one,
  operationId: 'cancelSeries',
  summary: 'Cancel a series: every occurrence still ahead, and no more (administrators and process owners)',
  description:
    'Each occurrence ahead is cancelled as `cancelSession` does (owners already invited are told, with `reason` if given). ' +
    'After a 503 halfway, the same request cancels the rest.',
  tags,
  team: organisers,
  request: {
    params: SeriesParams,
    query: CancelInput.meta({ description: 'An optional `reason`, quoted in the cancellation emails.' }),
  },
  responses: { 200: SeriesSchema },
  problems: [503],
  handler: async ({ member, params, query, deps }) => ({
    status: 200,
    body: await deps.sessions.cancelSeries(member.team.id, params.seriesId, query.reason),
  }),
});

export const seriesRoutes = [getSeries, updateSeries, cancelSeries];
