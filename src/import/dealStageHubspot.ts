// HubSpot deals exports that carry stage and pipeline ids beside (or instead of) their labels: which id
// column dates the same stage as a labelled `Date entered "<stage> (<pipeline>)"` column, and which
// pipeline label a `Pipeline` id ("default", "12345678") stands for. Read once when the file is recognised.

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier } from "../db/sql";
import { vocabularyKey } from "../model/vocabulary";
import { cellTextSql } from "./cellText";
import { timestampSql } from "./dates";
import type { DealStageColumn, DealStageSource } from "./dealStageShapes";

/** Pairs of (id column, labelled column) compared by their dates in one scan; past this the ids stay as written. */
const MAX_DATE_PAIRS = 2_000;

/** Pipeline cells that are HubSpot's ids rather than its labels: the default pipeline's and numeric ones. */
const isPipelineId = (value: string) => value.toLowerCase() === "default" || /^\d+$/.test(value);

const cell = (header: string) => `r.${quoteIdentifier(header)}`;

/**
 * The source with its id columns tied to the labelled columns they duplicate, and its pipeline ids read as
 * labels. An id column dates the same stage as a labelled one when
 * - its stage id is one of HubSpot's default ids and a labelled column names that stage (closedwon →
 *   `Date entered "Closed Won (Sales Pipeline)"`), or
 * - its dates equal the labelled column's on every row where either has one (numeric ids: the same
 *   property exported twice).
 * It then takes the labelled column's stage and pipeline, and the labelled date speaks first for each deal
 * (hubspotEntriesSql), so the stage counts once. Ids with no labelled twin stay stages of their own.
 */
export async function resolveHubspotIds(
  engine: SqlEngine,
  source: DealStageSource,
): Promise<DealStageSource> {
  if (source.shape !== "hubspot_columns") return source;
  const labelled = source.stageColumns.filter((c) => c.stageId === undefined);
  if (labelled.length === 0) return source;
  const byName = (id: DealStageColumn) =>
    labelled.filter((c) => vocabularyKey(c.stage) === vocabularyKey(id.stage) && id.stage !== id.stageId);
  const unnamed = source.stageColumns.filter((c) => c.stageId !== undefined && byName(c).length === 0);
  const twins = await sameDates(engine, source, unnamed, labelled);
  const stageColumns = source.stageColumns.map((column): DealStageColumn => {
    if (column.stageId === undefined) return column;
    const named = byName(column);
    const twin = named.length > 0 ? named : (twins.get(column.header) ?? []);
    const [first] = twin;
    if (!first) return column;
    const pipelines = new Set(twin.map((c) => c.pipeline));
    return { ...column, stage: first.stage, pipeline: pipelines.size === 1 ? first.pipeline : null };
  });
  const pipelineAliases = await pipelineLabels(engine, source, labelled);
  return {
    ...source,
    stageColumns,
    ...(Object.keys(pipelineAliases).length > 0 ? { pipelineAliases } : {}),
  };
}

/** For each id column: the labelled columns whose dates equal its own on every row where either has one. */
async function sameDates(
  engine: SqlEngine,
  source: DealStageSource,
  ids: readonly DealStageColumn[],
  labelled: readonly DealStageColumn[],
): Promise<Map<string, DealStageColumn[]>> {
  const found = new Map<string, DealStageColumn[]>();
  if (ids.length === 0 || ids.length * labelled.length > MAX_DATE_PAIRS) return found;
  const date = (c: DealStageColumn) => timestampSql(cell(c.header), source.dateFormats[c.header] ?? "iso");
  const pairs = ids.flatMap((id) => labelled.map((other) => ({ id, other })));
  // One scan: per pair, rows where the two disagree (one empty, or different dates) and rows both date.
  const aggregates = pairs.map(
    ({ id, other }, i) =>
      `count(*) FILTER (WHERE ${date(id)} IS DISTINCT FROM ${date(other)})::INTEGER AS differ_${i},
       count(*) FILTER (WHERE ${date(id)} IS NOT NULL)::INTEGER AS dated_${i}`,
  );
  const [counts] = await engine.query<Record<string, number>>(
    `SELECT ${aggregates.join(",\n")} FROM ${source.table} r`,
  );
  pairs.forEach(({ id, other }, i) => {
    if (counts?.[`differ_${i}`] === 0 && (counts[`dated_${i}`] ?? 0) > 0) {
      found.set(id.header, [...(found.get(id.header) ?? []), other]);
    }
  });
  return found;
}

/**
 * `Pipeline` cells holding an id → the label the labelled columns use: "default" is the one pipeline they
 * name when they name one; otherwise an id is the pipeline in whose labelled columns its deals have most
 * dates (none: left as written). Labels the columns already name are kept.
 */
async function pipelineLabels(
  engine: SqlEngine,
  source: DealStageSource,
  labelled: readonly DealStageColumn[],
): Promise<Record<string, string>> {
  const header = source.columns.pipeline;
  const labels = [...new Set(labelled.map((c) => c.pipeline).filter((p): p is string => p !== null))];
  if (header === undefined || labels.length === 0) return {};
  const datedIn = labels.map((label, i) => {
    const cells = labelled
      .filter((c) => c.pipeline === label)
      .map((c) => `${cellTextSql(cell(c.header))} IS NOT NULL`);
    return `count(*) FILTER (WHERE ${cells.join(" OR ")})::INTEGER AS dated_${i}`;
  });
  const rows = await engine.query<Record<string, string | number>>(
    `SELECT ${cellTextSql(cell(header))} AS value, ${datedIn.join(", ")}
     FROM ${source.table} r WHERE ${cellTextSql(cell(header))} IS NOT NULL GROUP BY value`,
  );
  const aliases: Record<string, string> = {};
  for (const row of rows) {
    const value = String(row.value);
    if (labels.includes(value) || !isPipelineId(value)) continue;
    const counts = labels.map((_, i) => Number(row[`dated_${i}`] ?? 0));
    const most = Math.max(...counts);
    const label =
      value.toLowerCase() === "default" && labels.length === 1
        ? labels[0]
        : most > 0 && counts.filter((n) => n === most).length === 1
          ? labels[counts.indexOf(most)]
          : undefined;
    if (label !== undefined) aliases[value] = label;
  }
  return aliases;
}
