// Proposes the stage plan for an import's deal stage history: the stages found per pipeline, in the
// order most deals moved through them, closed won / closed lost recognised by name.

import type { SqlEngine } from "../db/engine";
import {
  chooseDealPipeline,
  type DealPipelineFound,
  type DealStageKind,
  type DealStagePlan,
  dealStageKindOf,
  type FoundDealStage,
} from "../model/pipeline";
import { resolveHubspotIds } from "./dealStageHubspot";
import type { DealStageSource } from "./dealStageShapes";
import {
  dealStageEntriesSql,
  dealsByFileSql,
  entriesByFileSql,
  mergedDealsSql,
  mergedEntriesSql,
} from "./dealStages";

/** Deals whose first entry of `first` came before their first entry of `second` (same pipeline). */
export interface StagePairCount {
  pipeline: string | null;
  first: string;
  second: string;
  deals: number;
}

export interface StageStats {
  pipeline: string | null;
  stage: string;
  entries: number;
  deals: number;
  /** Mean of the stage's place in each deal's own order (0 = first, 1 = last); null without dates. */
  meanRank: number | null;
  /** Its column's place in the file (HubSpot), else null: the last tie-break. */
  columnIndex: number | null;
}

const KIND_ORDER: Record<DealStageKind, number> = { open: 0, won: 1, lost: 2 };

/**
 * Stages of one pipeline in the order most deals moved through them: open stages by how many other
 * stages most deals entered them before (a Copeland count of pairwise majorities), then by mean place,
 * then file column; stages with no dates after the dated ones; won, then lost, last.
 */
export function orderDealStages(
  stages: readonly StageStats[],
  pairs: readonly StagePairCount[],
): StageStats[] {
  // A map, not a search: a free-text stage column can hold hundreds of values (pairs grow with the square).
  const counts = new Map(pairs.map((p) => [JSON.stringify([p.first, p.second]), p.deals]));
  const before = (a: string, b: string) => counts.get(JSON.stringify([a, b])) ?? 0;
  const score = (a: string) =>
    stages.reduce((sum, b) => {
      if (b.stage === a) return sum;
      const ab = before(a, b.stage);
      const ba = before(b.stage, a);
      return sum + (ab > ba ? 1 : ab < ba ? -1 : 0);
    }, 0);
  const scores = new Map(stages.map((s) => [s.stage, score(s.stage)]));
  const kind = (s: StageStats) => KIND_ORDER[dealStageKindOf(s.stage)];
  return [...stages].sort(
    (a, b) =>
      kind(a) - kind(b) ||
      Number(a.entries === 0) - Number(b.entries === 0) ||
      (scores.get(b.stage) ?? 0) - (scores.get(a.stage) ?? 0) ||
      (a.meanRank ?? 1) - (b.meanRank ?? 1) ||
      (a.columnIndex ?? Number.MAX_SAFE_INTEGER) - (b.columnIndex ?? Number.MAX_SAFE_INTEGER) ||
      a.stage.localeCompare(b.stage),
  );
}

let proposals = 0;

/**
 * Reads the stage history of the import's files once (a temporary table) and proposes the plan: the
 * pipeline with the most deals is chosen; the user may choose another (chooseDealPipeline).
 */
export async function proposeDealStagePlan(
  engine: SqlEngine,
  sources: readonly DealStageSource[],
): Promise<DealStagePlan> {
  const table = `deal_stage_proposal_${++proposals}`;
  // The entries as the import will count them (dealStageImport.ts): from several files, one per entry two
  // files both give, a field history's first stage dated from whichever file gives the deal's created date.
  const [only] = sources;
  if (sources.length === 1 && only) {
    await engine.exec(`CREATE TEMP TABLE ${table} AS ${dealStageEntriesSql(only)}`);
  } else {
    await engine.exec(`CREATE TEMP TABLE ${table}_by_file AS ${entriesByFileSql(sources)}`);
    try {
      const deals = `(${mergedDealsSql(`(${dealsByFileSql(sources, null)})`, `${table}_by_file`)})`;
      await engine.exec(`CREATE TEMP TABLE ${table} AS ${mergedEntriesSql(`${table}_by_file`, deals)}`);
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${table}_by_file`);
    }
  }
  try {
    const firsts = `SELECT deal_id, pipeline, stage, min(entered_at) AS first_at, count(entered_at) AS dated
      FROM ${table} GROUP BY deal_id, pipeline, stage`;
    const stats = await engine.query<Omit<StageStats, "columnIndex">>(
      `SELECT pipeline, stage, sum(dated)::INTEGER AS entries, count(first_at)::INTEGER AS deals,
         avg(place) AS "meanRank"
       FROM (SELECT *, CASE WHEN first_at IS NOT NULL THEN percent_rank() OVER (
               PARTITION BY deal_id, pipeline, first_at IS NULL ORDER BY first_at) END AS place
             FROM (${firsts}))
       GROUP BY pipeline, stage`,
    );
    const pairs = await engine.query<StagePairCount>(
      `WITH firsts AS (${firsts})
       SELECT a.pipeline, a.stage AS first, b.stage AS second, count(*)::INTEGER AS deals
       FROM firsts a JOIN firsts b ON a.deal_id = b.deal_id AND a.pipeline IS NOT DISTINCT FROM b.pipeline
         AND a.first_at < b.first_at
       GROUP BY ALL`,
    );
    const pipelines = await engine.query<DealPipelineFound>(
      `SELECT pipeline, count(DISTINCT deal_id)::INTEGER AS deals FROM ${table}
       GROUP BY pipeline ORDER BY deals DESC, pipeline NULLS LAST`,
    );
    return proposePlan(sources, stats, pairs, pipelines);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** The plan from the counts: stage columns with no date at all are listed too (with 0 entries). */
export function proposePlan(
  sources: readonly DealStageSource[],
  stats: readonly Omit<StageStats, "columnIndex">[],
  pairs: readonly StagePairCount[],
  pipelines: readonly DealPipelineFound[],
): DealStagePlan {
  const columns = sources.flatMap((s) => s.stageColumns);
  const named = pipelines.map((p) => p.pipeline);
  const all: StageStats[] = stats.map((s) => ({
    ...s,
    columnIndex: columns.findIndex((c) => c.stage === s.stage && (c.pipeline ?? s.pipeline) === s.pipeline),
  }));
  const known = [...named];
  columns.forEach((c, columnIndex) => {
    // A column without a pipeline in its name (hs_v2_date_entered_x) belongs to whichever pipeline the row names.
    for (const pipeline of c.pipeline === null ? (named.length > 0 ? named : [null]) : [c.pipeline]) {
      if (!all.some((s) => s.stage === c.stage && s.pipeline === pipeline)) {
        all.push({ pipeline, stage: c.stage, entries: 0, deals: 0, meanRank: null, columnIndex });
      }
      if (!known.includes(pipeline)) known.push(pipeline);
    }
  });
  const found: FoundDealStage[] = known.flatMap((pipeline) =>
    orderDealStages(
      all.filter((s) => s.pipeline === pipeline),
      pairs.filter((p) => p.pipeline === pipeline),
    ).map((s) => ({
      pipeline,
      source: s.stage,
      kind: dealStageKindOf(s.stage),
      entries: s.entries,
      deals: s.deals,
    })),
  );
  const listed: DealPipelineFound[] = [
    ...pipelines,
    ...known.filter((p) => !named.includes(p)).map((pipeline) => ({ pipeline, deals: 0 })),
  ];
  const plan: DealStagePlan = { pipeline: null, pipelines: listed, found, stages: [] };
  return chooseDealPipeline(plan, listed[0]?.pipeline ?? null);
}

/**
 * The file's stage-history source when it really has one: a history report proven only by its data
 * must repeat a deal id (one row per stage change), an activity log must hold a stage-change row.
 */
export async function confirmDealStageSource(
  engine: SqlEngine,
  source: DealStageSource | null,
): Promise<DealStageSource | null> {
  if (source === null) return null;
  if (source.shape === "hubspot_columns") return resolveHubspotIds(engine, source);
  const [found] = await engine.query<{ rows: number; deals: number }>(
    `SELECT count(*)::INTEGER AS rows, count(DISTINCT deal_id)::INTEGER AS deals FROM (${dealStageEntriesSql(source)})`,
  );
  const rows = found?.rows ?? 0;
  if (rows === 0) return null;
  if (source.needsRepeatedIds && rows === (found?.deals ?? 0)) return null;
  return source;
}
