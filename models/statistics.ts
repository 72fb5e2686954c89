import { Schema } from "mongoose";
import { defineModel } from "./shared";

/**
 * The overview's counters of one public body (`_id`: its id), kept when cases change
 * (docs/decisions/014): keys like "n|<department>|<year>|status|<status>" with counts or
 * kronor. Their number depends on departments, years and days, not on the number of cases.
 */
export interface Statistics {
  _id: string;
  counters: Record<string, number>;
  /** When the counters were last recomputed from every case (npm run stats:rebuild). */
  rebuiltAt?: Date;
  /** The latest changes counted ("caseId:seq"), written with the counters: each is counted once. */
  applied?: string[];
  /** The fence of the lease whose holder wrote last (kernel/claims.server.ts). */
  fence?: number;
}

const schema = new Schema<Statistics>(
  {
    _id: { type: String, required: true },
    counters: { type: Schema.Types.Mixed, default: {} },
    rebuiltAt: Date,
    applied: [String],
    fence: Number,
  },
  { versionKey: false, minimize: false },
);

export const StatisticsModel = defineModel("Statistics", schema);

/**
 * A difference that could not be counted when its change was made (the counters' lease was
 * busy): `_id` "caseId:seq". The next count of the public body adds it, once, and removes it.
 */
export interface StatisticsPending {
  _id: string;
  publicBodyId: string;
  delta: Record<string, number>;
}

const pendingSchema = new Schema<StatisticsPending>(
  {
    _id: { type: String, required: true },
    publicBodyId: { type: String, required: true },
    delta: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

export const StatisticsPendingModel = defineModel("StatisticsPending", pendingSchema);
