import { Schema } from "mongoose";
import { defineModel } from "./shared";

/**
 * When a background job last ran on any instance, and how it went: the installation
 * administrator's health view (decision 031). Written at most once a minute per job and instance.
 */
export interface JobRun {
  _id: string;
  lastRunAt: Date;
  ok: boolean;
}

const schema = new Schema<JobRun>(
  {
    _id: { type: String, required: true },
    lastRunAt: { type: Date, required: true },
    ok: { type: Boolean, required: true },
  },
  { versionKey: false },
);

export const JobRunModel = defineModel("JobRun", schema);
